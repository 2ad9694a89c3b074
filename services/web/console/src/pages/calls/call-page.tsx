import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Grid,
  Group,
  Kbd,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { fieldMessage, problemOf, type ApiProblem } from '../../components/api-errors';
import { fastDateTime } from '../../components/fast-format';
import { communesOf, useCategories, useConsoleReference } from '../../components/use-reference';
import { CallerCases } from './caller-cases';
import { useCallerCases } from './use-caller-cases';
import contrast from '../../components/contrast.module.css';

const CASE_TYPES = ['feedback', 'complaint', 'denunciation', 'leader_hotline'] as const;
/** The hotline an operator sits at rarely changes between calls: kept in this browser. */
const LAST_HOTLINE_KEY = 'hotline.calls.lastHotline';

interface CallForm {
  callerNumber: string;
  hotline: string | null;
  categoryCode: string | null;
  summary: string;
  type: string;
  communeCode: string | null;
  /** Where it happened. */
  address: string;
  citizenName: string;
  /** The caller's own address (personal data). */
  citizenAddress: string;
  isAnonymous: boolean;
  consentToPublish: boolean;
  recordingUrl: string;
}

const EMPTY: CallForm = {
  callerNumber: '',
  hotline: null,
  categoryCode: null,
  summary: '',
  type: 'feedback',
  communeCode: null,
  address: '',
  citizenName: '',
  citizenAddress: '',
  isAnonymous: false,
  consentToPublish: false,
  recordingUrl: '',
};

const optional = (v: string) => (v.trim() === '' ? {} : null);

/** /calls/new — an operator logs a phone call as a case, fast and from the keyboard. */
export function CallPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const reference = useConsoleReference();
  const categories = useCategories();
  const [startedAt, setStartedAt] = useState(() => new Date());
  const [saved, setSaved] = useState<{ trackingCode: string; caseId: string } | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const anotherRef = useRef<HTMLButtonElement>(null);
  const form = useForm<CallForm>({
    defaultValues: { ...EMPTY, hotline: localStorage.getItem(LAST_HOTLINE_KEY) },
  });
  const { errors } = form.formState;
  const phoneField = form.register('callerNumber');
  const lookup = useCallerCases(form.watch('callerNumber'));

  // Once the hotlines are known, preselect the remembered one (or the only one).
  const hotlines = reference.data?.hotlines ?? [];
  useEffect(() => {
    const current = form.getValues('hotline');
    if (hotlines.length && !hotlines.some((h) => h.number === current)) {
      form.setValue('hotline', hotlines.length === 1 ? hotlines[0]!.number : null);
    }
  }, [hotlines, form]);

  const save = useMutation({
    mutationFn: async (v: CallForm) =>
      unwrap(
        await api.POST('/v1/calls', {
          body: {
            hotline: v.hotline ?? '',
            categoryCode: v.categoryCode ?? '',
            summary: v.summary.trim(),
            startedAt: startedAt.toISOString(),
            endedAt: new Date().toISOString(),
            type: v.type as (typeof CASE_TYPES)[number],
            ...(optional(v.callerNumber) ?? { callerNumber: v.callerNumber.trim() }),
            ...(v.communeCode ? { communeCode: v.communeCode } : {}),
            ...(optional(v.address) ?? { address: v.address.trim() }),
            ...(optional(v.citizenName) ?? { citizenName: v.citizenName.trim() }),
            ...(optional(v.citizenAddress) ?? { citizenAddress: v.citizenAddress.trim() }),
            ...(optional(v.recordingUrl) ?? { recordingUrl: v.recordingUrl.trim() }),
            isAnonymous: v.isAnonymous,
            consentToPublish: v.consentToPublish,
          },
        }),
      ),
    onMutate: () => setProblem(null),
    onSuccess: async (res, v) => {
      if (v.hotline) localStorage.setItem(LAST_HOTLINE_KEY, v.hotline);
      setSaved({ trackingCode: res.trackingCode, caseId: res.caseId });
      await client.invalidateQueries({ queryKey: ['queue'] });
    },
    onError: (e) => {
      const p = problemOf(e);
      setProblem(p);
      for (const f of p.fields) {
        const name = f.field.replace(/^body\./, '') as keyof CallForm;
        if (name in EMPTY) form.setError(name, { message: fieldMessage(f) });
      }
    },
  });

  useEffect(() => {
    if (saved) anotherRef.current?.focus();
  }, [saved]);

  function logAnother() {
    const hotline = form.getValues('hotline');
    form.reset({ ...EMPTY, hotline });
    setSaved(null);
    setProblem(null);
    setStartedAt(new Date());
    requestAnimationFrame(() => phoneRef.current?.focus());
  }

  const submit = form.handleSubmit((v) => save.mutate(v));
  const required = (label: string) => ({
    validate: (v: string | null) =>
      (v ?? '').trim() !== '' || t('case.form.required', { field: label }),
  });

  if (saved) {
    return (
      <Stack gap="md" maw={720}>
        <Title order={2}>{t('calls.title')}</Title>
        <Alert color="green" role="status" title={t('calls.saved.title')} data-testid="call-saved">
          <Text>{t('calls.saved.text')}</Text>
          <Text fz={32} fw={800} ff="monospace" my="xs" data-testid="saved-code">
            {saved.trackingCode}
          </Text>
          <Text size="sm">{t('calls.saved.readOut')}</Text>
        </Alert>
        <Group>
          <Button ref={anotherRef} onClick={logAnother}>
            {t('calls.saved.another')}
          </Button>
          <Anchor component={Link} to={`/cases/${saved.trackingCode}`}>
            {t('calls.saved.open')}
          </Anchor>
        </Group>
      </Stack>
    );
  }

  const labels = {
    phone: t('calls.field.callerNumber'),
    hotline: t('calls.field.hotline'),
    category: t('calls.field.category'),
    summary: t('calls.field.summary'),
  };
  return (
    <Stack gap="md" className={contrast.aa}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2}>{t('calls.title')}</Title>
        <Text size="xs" c="gray.7" data-testid="call-shortcuts">
          <Kbd>Tab</Kbd> {t('calls.keys.next')} · <Kbd>Enter</Kbd> {t('calls.keys.save')} ·{' '}
          <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> {t('calls.keys.saveFromText')}
        </Text>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <form
            noValidate
            aria-label={t('calls.title')}
            onSubmit={(e) => void submit(e)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void submit();
              }
            }}
          >
            <Stack gap="sm">
              {problem && (
                <Alert color="red" role="alert" title={t('calls.failed')}>
                  {problem.fields.length
                    ? problem.fields.map(fieldMessage).join(' · ')
                    : problem.message}
                </Alert>
              )}
              <Text size="sm" c="gray.7">
                {t('calls.startedAt', { time: fastDateTime(startedAt.toISOString()) })}
              </Text>
              <TextInput
                autoFocus
                type="tel"
                inputMode="tel"
                autoComplete="off"
                label={labels.phone}
                description={t('calls.field.callerNumberHint')}
                maxLength={32}
                error={errors.callerNumber?.message}
                {...phoneField}
                ref={(el) => {
                  phoneField.ref(el);
                  phoneRef.current = el;
                }}
              />
              <Controller
                name="hotline"
                control={form.control}
                rules={required(labels.hotline)}
                render={({ field }) => (
                  <Select
                    label={labels.hotline}
                    withAsterisk
                    searchable
                    selectFirstOptionOnChange
                    data={hotlines.map((h) => ({
                      value: h.number,
                      label: `${h.displayNumber} · ${h.name}`,
                    }))}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={errors.hotline?.message}
                  />
                )}
              />
              <Controller
                name="categoryCode"
                control={form.control}
                rules={required(labels.category)}
                render={({ field }) => (
                  <Select
                    label={labels.category}
                    withAsterisk
                    searchable
                    selectFirstOptionOnChange
                    data={(categories.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={errors.categoryCode?.message}
                  />
                )}
              />
              <Textarea
                label={labels.summary}
                description={t('calls.field.summaryHint')}
                withAsterisk
                autosize
                minRows={4}
                maxRows={14}
                maxLength={5000}
                error={errors.summary?.message}
                {...form.register('summary', required(labels.summary))}
              />
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Controller
                    name="type"
                    control={form.control}
                    render={({ field }) => (
                      <Select
                        label={t('calls.field.type')}
                        allowDeselect={false}
                        data={CASE_TYPES.map((c) => ({ value: c, label: t(`case.type.${c}`) }))}
                        value={field.value}
                        onChange={(v) => field.onChange(v ?? 'feedback')}
                        onBlur={field.onBlur}
                        ref={field.ref}
                      />
                    )}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Controller
                    name="communeCode"
                    control={form.control}
                    render={({ field }) => (
                      <Select
                        label={t('calls.field.commune')}
                        searchable
                        clearable
                        selectFirstOptionOnChange
                        data={communesOf(reference.data?.units ?? []).map((u) => ({
                          value: u.code,
                          label: u.name,
                        }))}
                        value={field.value}
                        onChange={field.onChange}
                        onBlur={field.onBlur}
                        ref={field.ref}
                        error={errors.communeCode?.message}
                      />
                    )}
                  />
                </Grid.Col>
                <Grid.Col span={12}>
                  <TextInput
                    label={t('calls.field.address')}
                    description={t('calls.field.addressHint')}
                    maxLength={500}
                    autoComplete="off"
                    error={errors.address?.message}
                    {...form.register('address')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label={t('calls.field.citizenName')}
                    maxLength={200}
                    autoComplete="off"
                    error={errors.citizenName?.message}
                    {...form.register('citizenName')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label={t('calls.field.citizenAddress')}
                    maxLength={500}
                    autoComplete="off"
                    error={errors.citizenAddress?.message}
                    {...form.register('citizenAddress')}
                  />
                </Grid.Col>
              </Grid>
              <Group gap="lg">
                <Checkbox label={t('calls.field.isAnonymous')} {...form.register('isAnonymous')} />
                <Checkbox
                  label={t('calls.field.consentToPublish')}
                  {...form.register('consentToPublish')}
                />
              </Group>
              <TextInput
                type="url"
                label={t('calls.field.recordingUrl')}
                maxLength={2000}
                error={errors.recordingUrl?.message}
                {...form.register('recordingUrl')}
              />
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending}>
                  {t('calls.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <CallerCases lookup={lookup} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

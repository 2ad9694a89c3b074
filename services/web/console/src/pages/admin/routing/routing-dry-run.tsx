import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AA_ALERT } from '../../../components/admin/aa-text';
import { api, unwrap } from '../../../api/client';
import { flattenUnits, useCategories, useUnitTree } from '../../../components/admin/admin-data';
import { FormAlert } from '../../../components/admin/form-alert';
import { useApiForm } from '../../../components/admin/use-api-form';
import { localName } from '../../../components/use-reference';
import { CHANNELS, PRIORITIES } from './routing-rule-form';

interface Values {
  categoryCode: string | null;
  text: string;
  hotline: string;
  communeCode: string | null;
  channel: string;
  priority: string;
}
type Result = Awaited<ReturnType<typeof dryRun>>;

async function dryRun(body: {
  categoryCode: string;
  text: string;
  hotline?: string;
  communeCode?: string;
  channel?: (typeof CHANNELS)[number];
  priority?: (typeof PRIORITIES)[number];
}) {
  return unwrap(await api.POST('/v1/admin/routing-rules/dry-run', { body }));
}

const OUTCOME_COLOR: Record<string, string> = {
  matched: 'green.9',
  shadowed: 'orange.9',
  not_matched: 'gray.8',
  inactive: 'gray.7',
};

/** Tries a case against the rules without storing anything: where it would go, and why. */
export function RoutingDryRun() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const categories = useCategories();
  const units = useUnitTree();
  const [result, setResult] = useState<Result | null>(null);
  const form = useForm<Values>({
    defaultValues: {
      categoryCode: null,
      text: '',
      hotline: '',
      communeCode: null,
      channel: 'web',
      priority: 'normal',
    },
  });
  const { register, control, formState } = form;
  const { errors, isSubmitting } = formState;
  const { submit, formErrors } = useApiForm(form);
  const onSubmit = submit(async (v) => {
    setResult(null);
    setResult(
      await dryRun({
        categoryCode: v.categoryCode ?? '',
        text: v.text,
        ...(v.hotline.trim() ? { hotline: v.hotline.trim() } : {}),
        ...(v.communeCode ? { communeCode: v.communeCode } : {}),
        channel: v.channel as (typeof CHANNELS)[number],
        priority: v.priority as (typeof PRIORITIES)[number],
      }),
    );
  });
  const communes = flattenUnits(units.data ?? [])
    .filter((u) => u.isActive && u.kind === 'commune')
    .map((u) => ({ value: u.code, label: u.name }));
  const d = result?.destination;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dry-run-title">
      <Stack gap="sm">
        <div>
          <Title order={4} id="dry-run-title">
            {t('admin.routing.dryRun.title')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('admin.routing.dryRun.help')}
          </Text>
        </div>
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Stack gap="sm">
            <FormAlert messages={formErrors} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Controller
                control={control}
                name="categoryCode"
                rules={{ required: t('admin.validation.required') }}
                render={({ field }) => (
                  <Select
                    label={t('admin.routing.dryRun.category')}
                    required
                    searchable
                    data={(categories.data ?? [])
                      .filter((c) => c.isActive)
                      .map((c) => ({ value: c.code, label: localName(i18n.language, c) }))}
                    {...field}
                    error={errors.categoryCode?.message}
                  />
                )}
              />
              <Controller
                control={control}
                name="communeCode"
                render={({ field }) => (
                  <Select
                    label={t('admin.routing.dryRun.commune')}
                    searchable
                    clearable
                    data={communes}
                    {...field}
                    error={errors.communeCode?.message}
                  />
                )}
              />
              <TextInput
                label={t('admin.routing.dryRun.hotline')}
                type="tel"
                {...register('hotline')}
                error={errors.hotline?.message}
              />
              <Group grow align="flex-start">
                <Controller
                  control={control}
                  name="channel"
                  render={({ field }) => (
                    <Select
                      label={t('admin.routing.channel')}
                      allowDeselect={false}
                      data={CHANNELS.map((x) => ({ value: x, label: t(`admin.channels.${x}`) }))}
                      {...field}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name="priority"
                  render={({ field }) => (
                    <Select
                      label={t('admin.routing.priority')}
                      allowDeselect={false}
                      data={PRIORITIES.map((x) => ({
                        value: x,
                        label: t(`admin.priorities.${x}`),
                      }))}
                      {...field}
                    />
                  )}
                />
              </Group>
            </SimpleGrid>
            <Textarea
              label={t('admin.routing.dryRun.text')}
              required
              autosize
              minRows={2}
              {...register('text', { required: t('admin.validation.required') })}
              error={errors.text?.message}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={isSubmitting}>
                {t('admin.routing.dryRun.run')}
              </Button>
            </Group>
          </Stack>
        </form>
        {result && (
          <Stack gap="sm" aria-live="polite" data-testid="dry-run-result">
            {d ? (
              <Alert
                color="green"
                variant="light"
                styles={AA_ALERT}
                title={t('admin.routing.dryRun.goesTo', { unit: d.unitName })}
              >
                <Text size="sm">
                  {d.reason === 'rule'
                    ? t('admin.routing.dryRun.byRule', {
                        rule: d.ruleName,
                        strategy: t(`admin.strategies.${d.strategy}`),
                      })
                    : t(`admin.routing.dryRun.reason.${d.reason}`)}
                </Text>
                {result.reasons.length > 0 && (
                  <ul style={{ margin: '0.4rem 0 0', paddingInlineStart: '1.2rem' }}>
                    {result.reasons.map((r) => (
                      <li key={r.condition}>
                        <Text size="sm">{r.explanation[lang]}</Text>
                      </li>
                    ))}
                  </ul>
                )}
              </Alert>
            ) : (
              <Alert color="red">{t('admin.routing.dryRun.nowhere')}</Alert>
            )}
            {result.rules.length > 0 && (
              <Table withTableBorder fz="sm">
                <Table.Caption>{t('admin.routing.dryRun.rules')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">#</Table.Th>
                    <Table.Th scope="col">{t('admin.routing.name')}</Table.Th>
                    <Table.Th scope="col">{t('admin.routing.dryRun.outcome')}</Table.Th>
                    <Table.Th scope="col">{t('admin.routing.dryRun.why')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.rules.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{r.position}</Table.Td>
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td>
                        <Badge color={OUTCOME_COLOR[r.outcome]} variant="filled" radius="sm">
                          {t(`admin.routing.dryRun.outcomes.${r.outcome}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {r.conditions.length === 0
                          ? t('admin.routing.dryRun.noConditions')
                          : r.conditions.map((c) => (
                              <Text key={c.condition} size="sm" c={c.met ? 'green.9' : 'red.9'}>
                                {c.met ? '✓' : '✗'} {c.explanation[lang]}
                              </Text>
                            ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

import {
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  Controller,
  useForm,
  type Control,
  type FieldErrors,
  type UseFormRegister,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useCategories, type Ok } from '../../../components/admin/admin-data';
import { AdminForm } from '../../../components/admin/admin-form';
import { useApiForm } from '../../../components/admin/use-api-form';
import { localName } from '../../../components/use-reference';

export type Policy = Ok<'/v1/admin/sla-policies'>['policies'][number];
export const CASE_TYPES = ['feedback', 'complaint', 'denunciation', 'leader_hotline'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const TARGETS = [
  'acceptance',
  'firstResponse',
  'resolution',
  'resolutionComplex',
  'maxExtension',
  'rung2After',
  'rung3After',
] as const;
type TargetName = (typeof TARGETS)[number];
const OPTIONAL: readonly TargetName[] = ['resolutionComplex', 'maxExtension'];

type Values = {
  caseType: string;
  categoryCode: string | null;
  priority: string | null;
  resolutionFrom: string;
  warningPercent: number | string;
  maxExtensions: number | string;
  maxExtensionsComplex: number | string;
  maxTransfers: number | string;
  transferResetsDeadline: boolean;
} & { [K in `${TargetName}Duration`]: string } & { [K in `${TargetName}Unit`]: string };

/** ISO 8601 durations the engine takes: days, hours or minutes (P10D, PT8H, PT30M). */
const DURATION = /^P(\d+D|T\d+[HM]|\d+DT\d+H)$/;
type Target = { duration: string; unit: 'working' | 'calendar' };

// The API's field paths ("resolution.duration", "escalation.rung2After") → the form's fields.
const ALIAS: Record<string, string> = Object.fromEntries([
  ...TARGETS.flatMap((n): [string, string][] => {
    const path = n.startsWith('rung') ? `escalation.${n}` : n;
    return [
      [path, `${n}Duration`],
      [`${path}.duration`, `${n}Duration`],
      [`${path}.unit`, `${n}Unit`],
    ];
  }),
  ['warningFraction', 'warningPercent'],
]);

function TargetField({
  name,
  register,
  control,
  errors,
}: {
  name: TargetName;
  register: UseFormRegister<Values>;
  control: Control<Values>;
  errors: FieldErrors<Values>;
}) {
  const { t } = useTranslation();
  const optional = OPTIONAL.includes(name);
  return (
    <Group align="flex-start" gap="xs" grow>
      <TextInput
        label={t(`admin.sla.targets.${name}`)}
        description={t('admin.sla.durationHelp')}
        required={!optional}
        placeholder={optional ? t('admin.sla.none') : 'P10D'}
        {...register(`${name}Duration`, {
          validate: (v: string) =>
            (optional && v.trim() === '') ||
            DURATION.test(v.trim()) ||
            t('admin.validation.duration'),
        })}
        error={errors[`${name}Duration`]?.message}
      />
      <Controller
        control={control}
        name={`${name}Unit`}
        render={({ field }) => (
          <Select
            label={t('admin.sla.countIn')}
            allowDeselect={false}
            data={[
              { value: 'working', label: t('admin.sla.working') },
              { value: 'calendar', label: t('admin.sla.calendar') },
            ]}
            {...field}
            error={errors[`${name}Unit`]?.message}
          />
        )}
      />
    </Group>
  );
}

function initial(p: Policy | undefined): Values {
  const target = (n: TargetName): Target | null | undefined =>
    n === 'rung2After' || n === 'rung3After' ? p?.escalation[n] : p?.[n];
  const targets = Object.fromEntries(
    TARGETS.flatMap((n) => {
      const v = target(n);
      const fallback = OPTIONAL.includes(n)
        ? ''
        : n === 'rung2After'
          ? 'PT8H'
          : n === 'rung3After'
            ? 'P2D'
            : 'P10D';
      return [
        [`${n}Duration`, v === undefined ? fallback : (v?.duration ?? '')],
        [`${n}Unit`, v?.unit ?? 'working'],
      ];
    }),
  );
  return {
    caseType: p?.caseType ?? 'feedback',
    categoryCode: p?.categoryCode ?? null,
    priority: p?.priority ?? null,
    resolutionFrom: p?.resolutionFrom ?? 'receipt',
    warningPercent: Math.round((p?.warningFraction ?? 0.75) * 100),
    maxExtensions: p?.maxExtensions ?? 1,
    maxExtensionsComplex: p?.maxExtensionsComplex ?? 2,
    maxTransfers: p?.maxTransfers ?? 3,
    transferResetsDeadline: p?.transferResetsDeadline ?? false,
    ...targets,
  } as Values;
}

/**
 * An SLA policy for a case type × category × priority: its three clocks, warning point,
 * extensions, escalation ladder and transfer limit. A built-in default is copied into a new
 * stored policy.
 */
export function SlaPolicyForm({
  policy,
  onDone,
}: {
  policy?: Policy;
  onDone: (saved: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const categories = useCategories();
  const form = useForm<Values>({ defaultValues: initial(policy) });
  const { register, control, formState } = form;
  const { errors, isSubmitting } = formState;
  const { submit, formErrors } = useApiForm(form, ALIAS);
  const editsStored = policy && !policy.isDefault;

  const onSubmit = submit(async (v) => {
    const target = (n: TargetName): Target | null => {
      const duration = v[`${n}Duration`].trim();
      return duration ? { duration, unit: v[`${n}Unit`] as Target['unit'] } : null;
    };
    const body = {
      caseType: v.caseType as (typeof CASE_TYPES)[number],
      categoryCode: v.categoryCode,
      priority: v.priority as (typeof PRIORITIES)[number] | null,
      acceptance: target('acceptance')!,
      firstResponse: target('firstResponse')!,
      resolution: target('resolution')!,
      resolutionComplex: target('resolutionComplex'),
      resolutionFrom: v.resolutionFrom as 'receipt' | 'acceptance',
      warningFraction: Number(v.warningPercent) / 100,
      maxExtensions: Number(v.maxExtensions),
      maxExtensionsComplex: Number(v.maxExtensionsComplex),
      maxExtension: target('maxExtension'),
      escalation: { rung2After: target('rung2After')!, rung3After: target('rung3After')! },
      transferResetsDeadline: v.transferResetsDeadline,
      maxTransfers: Number(v.maxTransfers),
    };
    if (editsStored) {
      unwrap(
        await api.PUT('/v1/admin/sla-policies/{id}', { params: { path: { id: policy.id } }, body }),
      );
    } else {
      unwrap(await api.POST('/v1/admin/sla-policies', { body }));
    }
    await client.invalidateQueries({ queryKey: ['admin', 'sla-policies'] });
    onDone(true);
  });
  const number = (
    name: 'maxExtensions' | 'maxExtensionsComplex' | 'maxTransfers' | 'warningPercent',
    min: number,
    max: number,
  ) => (
    <Controller
      control={control}
      name={name}
      rules={{
        validate: (v) => {
          const n = Number(v);
          return (
            (v !== '' && Number.isInteger(n) && n >= min && n <= max) ||
            t('admin.validation.between', { min, max })
          );
        },
      }}
      render={({ field }) => (
        <NumberInput
          label={t(`admin.sla.${name}`)}
          min={min}
          max={max}
          allowDecimal={false}
          required
          {...field}
          error={errors[name]?.message}
        />
      )}
    />
  );

  return (
    <AdminForm
      onSubmit={onSubmit}
      formErrors={formErrors}
      isSubmitting={isSubmitting}
      isNew={!editsStored}
      onCancel={() => onDone(false)}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Controller
          control={control}
          name="caseType"
          render={({ field }) => (
            <Select
              label={t('admin.sla.caseType')}
              required
              allowDeselect={false}
              data={CASE_TYPES.map((x) => ({ value: x, label: t(`admin.caseTypes.${x}`) }))}
              {...field}
              error={errors.caseType?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="categoryCode"
          render={({ field }) => (
            <Select
              label={t('admin.sla.category')}
              placeholder={t('admin.sla.any')}
              clearable
              searchable
              data={(categories.data ?? []).map((c) => ({
                value: c.code,
                label: localName(i18n.language, c),
              }))}
              {...field}
              error={errors.categoryCode?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="priority"
          render={({ field }) => (
            <Select
              label={t('admin.sla.priority')}
              placeholder={t('admin.sla.any')}
              clearable
              data={PRIORITIES.map((x) => ({ value: x, label: t(`admin.priorities.${x}`) }))}
              {...field}
              error={errors.priority?.message}
            />
          )}
        />
      </SimpleGrid>
      <Fieldset legend={t('admin.sla.clocks')}>
        <Stack gap="xs">
          {(['acceptance', 'firstResponse', 'resolution', 'resolutionComplex'] as const).map(
            (n) => (
              <TargetField key={n} name={n} register={register} control={control} errors={errors} />
            ),
          )}
          <Controller
            control={control}
            name="resolutionFrom"
            render={({ field }) => (
              <Select
                label={t('admin.sla.resolutionFrom')}
                allowDeselect={false}
                data={[
                  { value: 'receipt', label: t('admin.sla.fromReceipt') },
                  { value: 'acceptance', label: t('admin.sla.fromAcceptance') },
                ]}
                {...field}
              />
            )}
          />
          {number('warningPercent', 1, 99)}
        </Stack>
      </Fieldset>
      <Fieldset legend={t('admin.sla.extensions')}>
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {number('maxExtensions', 0, 10)}
            {number('maxExtensionsComplex', 0, 10)}
          </SimpleGrid>
          <TargetField name="maxExtension" register={register} control={control} errors={errors} />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('admin.sla.ladder')}>
        <Stack gap="xs">
          <TargetField name="rung2After" register={register} control={control} errors={errors} />
          <TargetField name="rung3After" register={register} control={control} errors={errors} />
          {number('maxTransfers', 1, 20)}
          <Checkbox
            label={t('admin.sla.transferResetsDeadline')}
            {...register('transferResetsDeadline')}
          />
        </Stack>
      </Fieldset>
    </AdminForm>
  );
}

import { Checkbox, Select, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import {
  unitOptions,
  useCalendars,
  useUnitTree,
  type UnitNode,
} from '../../../components/admin/admin-data';
import { CodeInput, codeRules } from '../../../components/admin/code-input';
import { AdminForm } from '../../../components/admin/admin-form';
import { useApiForm } from '../../../components/admin/use-api-form';

export const UNIT_KINDS = ['province', 'department', 'district', 'commune', 'agency'] as const;

interface Values {
  code: string;
  name: string;
  nameEn: string;
  kind: string;
  parentCode: string | null;
  calendarId: string | null;
  isTriage: boolean;
  resolutionNeedsApproval: boolean;
  isDrill: boolean;
}

/**
 * A unit's settings: a new unit (with its code) or an existing one (only what changed is
 * sent). The API's field errors show beside their fields.
 */
export function UnitForm({
  unit,
  parentCode,
  onSaved,
  onCancel,
}: {
  unit?: UnitNode;
  parentCode?: string | null;
  onSaved: (code: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const tree = useUnitTree();
  const calendars = useCalendars();
  const form = useForm<Values>({
    defaultValues: {
      code: unit?.code ?? '',
      name: unit?.name ?? '',
      nameEn: unit?.nameEn ?? '',
      kind: unit?.kind ?? 'commune',
      parentCode: unit ? unit.parentCode : (parentCode ?? null),
      calendarId: unit?.calendarId ?? null,
      isTriage: unit?.isTriage ?? false,
      resolutionNeedsApproval: unit?.resolutionNeedsApproval ?? false,
      isDrill: unit?.isDrill ?? false,
    },
  });
  const { register, control, formState } = form;
  const { errors, isSubmitting, dirtyFields } = formState;
  const { submit, formErrors } = useApiForm(form);

  const onSubmit = submit(async (v) => {
    if (unit) {
      const body = Object.fromEntries(
        (Object.keys(dirtyFields) as (keyof Values)[])
          .filter((k) => k !== 'code')
          // A blank English name clears it: the Vietnamese name is shown instead.
          .map((k) => [k, k === 'nameEn' ? v.nameEn.trim() || null : v[k]]),
      );
      if (Object.keys(body).length === 0) return;
      unwrap(
        await api.PATCH('/v1/admin/units/{code}', { params: { path: { code: unit.code } }, body }),
      );
      form.reset(v);
    } else {
      unwrap(
        await api.POST('/v1/admin/units', {
          body: {
            code: v.code,
            name: v.name,
            nameEn: v.nameEn.trim() || null,
            kind: v.kind as (typeof UNIT_KINDS)[number],
            parentCode: v.parentCode,
            calendarId: v.calendarId,
            isTriage: v.isTriage,
            resolutionNeedsApproval: v.resolutionNeedsApproval,
            isDrill: v.isDrill,
          },
        }),
      );
    }
    await client.invalidateQueries({ queryKey: ['admin', 'units'] });
    onSaved(v.code);
  });

  const parents = unitOptions(tree.data).filter((o) => o.value !== unit?.code);
  return (
    <AdminForm
      onSubmit={onSubmit}
      formErrors={formErrors}
      isSubmitting={isSubmitting}
      isNew={!unit}
      onCancel={onCancel}
    >
      {!unit && (
        <CodeInput
          label={t('admin.units.code')}
          {...register('code', codeRules(t))}
          error={errors.code?.message}
        />
      )}
      <TextInput
        label={t('admin.units.name')}
        required
        {...register('name', {
          required: t('admin.validation.required'),
          maxLength: { value: 200, message: t('admin.validation.tooLong', { max: 200 }) },
        })}
        error={errors.name?.message}
      />
      <TextInput
        label={t('admin.units.nameEn')}
        description={t('admin.englishNameHelp')}
        lang="en"
        {...register('nameEn', {
          maxLength: { value: 200, message: t('admin.validation.tooLong', { max: 200 }) },
        })}
        error={errors.nameEn?.message}
      />
      <Controller
        control={control}
        name="kind"
        rules={{ required: t('admin.validation.required') }}
        render={({ field }) => (
          <Select
            label={t('admin.units.kind')}
            required
            allowDeselect={false}
            data={UNIT_KINDS.map((k) => ({ value: k, label: t(`admin.units.kinds.${k}`) }))}
            {...field}
            error={errors.kind?.message}
          />
        )}
      />
      <Controller
        control={control}
        name="parentCode"
        render={({ field }) => (
          <Select
            label={t('admin.units.parent')}
            description={t('admin.units.parentHelp')}
            searchable
            clearable
            data={parents}
            {...field}
            error={errors.parentCode?.message}
          />
        )}
      />
      <Controller
        control={control}
        name="calendarId"
        render={({ field }) => (
          <Select
            label={t('admin.units.calendar')}
            description={t('admin.units.calendarHelp')}
            clearable
            data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            {...field}
            error={errors.calendarId?.message}
          />
        )}
      />
      <Checkbox
        label={t('admin.units.isTriage')}
        {...register('isTriage')}
        error={errors.isTriage?.message}
      />
      <Checkbox
        label={t('admin.units.resolutionNeedsApproval')}
        {...register('resolutionNeedsApproval')}
        error={errors.resolutionNeedsApproval?.message}
      />
      <Checkbox
        label={t('admin.drill.label')}
        description={t('admin.drill.help')}
        {...register('isDrill')}
        error={errors.isDrill?.message}
      />
    </AdminForm>
  );
}

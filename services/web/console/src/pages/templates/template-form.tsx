import { Checkbox, Select, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { AdminForm } from '../../components/admin/admin-form';
import { useApiForm } from '../../components/admin/use-api-form';
import { useCategories, useConsoleReference } from '../../components/use-reference';
import { PURPOSES, type Purpose, type ReplyTemplate } from './template-types';

interface Values {
  purpose: Purpose;
  title: string;
  body: string;
  /** '' : every unit (administrators); 'own': the leader's unit. */
  unitCode: string;
  categoryCode: string;
  isActive: boolean;
}

const ALL = '';

/** Adding or changing a template; an administrator also chooses its unit (or every unit). */
export function TemplateForm({
  template,
  isAdmin,
  onDone,
}: {
  template?: ReplyTemplate;
  isAdmin: boolean;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const reference = useConsoleReference();
  const categories = useCategories();
  const form = useForm<Values>({
    defaultValues: {
      purpose: template?.purpose ?? 'reply',
      title: template?.title ?? '',
      body: template?.body ?? '',
      unitCode: template?.unit?.code ?? ALL,
      categoryCode: template?.category?.code ?? ALL,
      isActive: template?.isActive ?? true,
    },
  });
  const { register, control, formState } = form;
  const { errors, isSubmitting } = formState;
  const { submit, formErrors } = useApiForm(form);
  const onSubmit = submit(async (v) => {
    const common = {
      purpose: v.purpose,
      title: v.title.trim(),
      body: v.body,
      categoryCode: v.categoryCode || null,
    };
    if (template) {
      unwrap(
        await api.PATCH('/v1/reply-templates/{templateId}', {
          params: { path: { templateId: template.id } },
          body: { ...common, isActive: v.isActive },
        }),
      );
    } else {
      unwrap(
        await api.POST('/v1/reply-templates', {
          // A leader's template is for their own unit: the API fills it in.
          body: isAdmin ? { ...common, unitCode: v.unitCode || null } : common,
        }),
      );
    }
    await client.invalidateQueries({ queryKey: ['reply-templates'] });
    await client.invalidateQueries({ queryKey: ['case-templates'] });
    onDone(true);
  });
  const required = { required: t('admin.validation.required') };
  return (
    <AdminForm
      onSubmit={onSubmit}
      formErrors={formErrors}
      isSubmitting={isSubmitting}
      isNew={!template}
      onCancel={() => onDone(false)}
    >
      <Controller
        control={control}
        name="purpose"
        render={({ field }) => (
          <Select
            label={t('templates.field.purpose')}
            required
            allowDeselect={false}
            data={PURPOSES.map((p) => ({ value: p, label: t(`templates.purpose.${p}`) }))}
            {...field}
            comboboxProps={{ withinPortal: false }}
          />
        )}
      />
      <TextInput
        label={t('templates.field.title')}
        required
        maxLength={200}
        {...register('title', required)}
        error={errors.title?.message}
      />
      <Textarea
        label={t('templates.field.body')}
        description={t('templates.field.bodyHint')}
        required
        autosize
        minRows={5}
        maxRows={14}
        maxLength={10000}
        {...register('body', required)}
        error={errors.body?.message}
      />
      {isAdmin && !template && (
        <Controller
          control={control}
          name="unitCode"
          render={({ field }) => (
            <Select
              label={t('templates.field.unit')}
              searchable
              allowDeselect={false}
              data={[
                { value: ALL, label: t('templates.allUnits') },
                ...(reference.data?.units ?? []).map((u) => ({ value: u.code, label: u.name })),
              ]}
              {...field}
              error={errors.unitCode?.message}
              comboboxProps={{ withinPortal: false }}
            />
          )}
        />
      )}
      <Controller
        control={control}
        name="categoryCode"
        render={({ field }) => (
          <Select
            label={t('templates.field.category')}
            searchable
            allowDeselect={false}
            data={[
              { value: ALL, label: t('templates.anyCategory') },
              ...(categories.data ?? []).map((c) => ({ value: c.code, label: c.name })),
            ]}
            {...field}
            error={errors.categoryCode?.message}
            comboboxProps={{ withinPortal: false }}
          />
        )}
      />
      {template && <Checkbox label={t('templates.field.active')} {...register('isActive')} />}
    </AdminForm>
  );
}

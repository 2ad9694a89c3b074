import { Checkbox, Group, MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { unitOptions, useUnitTree, type Official } from '../../../components/admin/admin-data';
import { AdminForm } from '../../../components/admin/admin-form';
import { useApiForm } from '../../../components/admin/use-api-form';

export const ROLES = [
  'operator',
  'handler',
  'unit_leader',
  'hotline_owner',
  'supervisor',
  'admin',
  'auditor',
] as const;
type Role = (typeof ROLES)[number];

interface Values {
  unitCode: string | null;
  fullName: string;
  email: string;
  username: string;
  phone: string;
  title: string;
  roles: string[];
  isActive: boolean;
  isAbsent: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A new official, or an existing one's unit, roles, contact and state. */
export function OfficialForm({
  official,
  onSaved,
  onCancel,
}: {
  official?: Official;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const units = useUnitTree();
  const form = useForm<Values>({
    defaultValues: {
      unitCode: official?.unitCode ?? null,
      fullName: official?.fullName ?? '',
      email: official?.email ?? '',
      username: official?.username ?? '',
      phone: official?.phone ?? '',
      title: official?.title ?? '',
      roles: official?.roles ?? ['handler'],
      isActive: official?.isActive ?? true,
      isAbsent: official?.isAbsent ?? false,
    },
  });
  const { register, control, formState } = form;
  const { errors, isSubmitting } = formState;
  const { submit, formErrors } = useApiForm(form);

  const onSubmit = submit(async (v) => {
    const common = {
      unitCode: v.unitCode ?? '',
      fullName: v.fullName.trim(),
      email: v.email.trim(),
      phone: v.phone.trim() || null,
      title: v.title.trim(),
      roles: v.roles as Role[],
    };
    if (official) {
      unwrap(
        await api.PATCH('/v1/admin/officials/{officialId}', {
          params: { path: { officialId: official.id } },
          body: { ...common, isActive: v.isActive, isAbsent: v.isAbsent },
        }),
      );
    } else {
      unwrap(
        await api.POST('/v1/admin/officials', {
          body: { ...common, ...(v.username.trim() ? { username: v.username.trim() } : {}) },
        }),
      );
    }
    await client.invalidateQueries({ queryKey: ['admin', 'officials'] });
    onSaved();
  });

  return (
    <AdminForm
      onSubmit={onSubmit}
      formErrors={formErrors}
      isSubmitting={isSubmitting}
      isNew={!official}
      onCancel={onCancel}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('admin.officials.fullName')}
          required
          {...register('fullName', { required: t('admin.validation.required') })}
          error={errors.fullName?.message}
        />
        <TextInput
          label={t('admin.officials.titleField')}
          {...register('title')}
          error={errors.title?.message}
        />
        <TextInput
          label={t('admin.officials.email')}
          type="email"
          required
          {...register('email', {
            required: t('admin.validation.required'),
            pattern: { value: EMAIL, message: t('admin.validation.email') },
          })}
          error={errors.email?.message}
        />
        {official ? (
          <TextInput
            label={t('admin.officials.username')}
            value={official.username ?? '—'}
            readOnly
          />
        ) : (
          <TextInput
            label={t('admin.officials.username')}
            description={t('admin.officials.usernameHelp')}
            {...register('username', {
              pattern: { value: /^[a-z0-9._-]{3,64}$/, message: t('admin.validation.username') },
            })}
            error={errors.username?.message}
          />
        )}
        <TextInput
          label={t('admin.officials.phone')}
          type="tel"
          {...register('phone')}
          error={errors.phone?.message}
        />
        <Controller
          control={control}
          name="unitCode"
          rules={{ required: t('admin.validation.required') }}
          render={({ field }) => (
            <Select
              label={t('admin.officials.unit')}
              required
              searchable
              data={unitOptions(units.data)}
              {...field}
              error={errors.unitCode?.message}
            />
          )}
        />
      </SimpleGrid>
      <Controller
        control={control}
        name="roles"
        rules={{ validate: (v) => v.length > 0 || t('admin.validation.oneRole') }}
        render={({ field }) => (
          <MultiSelect
            label={t('admin.officials.roles')}
            required
            data={ROLES.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
            {...field}
            error={errors.roles?.message}
          />
        )}
      />
      {official && (
        <Group gap="lg">
          <Checkbox label={t('admin.officials.isActive')} {...register('isActive')} />
          <Checkbox label={t('admin.officials.isAbsent')} {...register('isAbsent')} />
        </Group>
      )}
    </AdminForm>
  );
}

import { Button, Checkbox, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EditModal } from '../../components/admin/edit-modal';
import { api, unwrap } from '../../api/client';
import {
  flattenUnits,
  unitOptions,
  useHotlines,
  useOfficials,
  useUnitTree,
  type Hotline,
} from '../../components/admin/admin-data';
import { AdminForm } from '../../components/admin/admin-form';
import { PageHeader } from '../../components/admin/page-header';
import { useApiForm } from '../../components/admin/use-api-form';
import { DataTable } from '../../components/charts/data-table';
import { ListState, NameCell } from '../../components/admin/list-parts';

interface Values {
  number: string;
  displayNumber: string;
  name: string;
  nameEn: string;
  ownerOfficialId: string | null;
  unitCode: string | null;
  isActive: boolean;
  isDrill: boolean;
}

/** A hotline's number, its owner (a leader) and the unit its cases go to. */
function HotlineForm({ hotline, onDone }: { hotline?: Hotline; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const units = useUnitTree();
  const officials = useOfficials();
  const form = useForm<Values>({
    defaultValues: {
      number: hotline?.displayNumber ?? '',
      displayNumber: hotline?.displayNumber ?? '',
      name: hotline?.name ?? '',
      nameEn: hotline?.nameEn ?? '',
      ownerOfficialId: hotline?.ownerOfficialId ?? null,
      unitCode: hotline?.unitCode ?? null,
      isActive: hotline?.isActive ?? true,
      isDrill: hotline?.isDrill ?? false,
    },
  });
  const { register, control, formState } = form;
  const { errors, isSubmitting, dirtyFields } = formState;
  const { submit, formErrors } = useApiForm(form);
  const owners = (officials.data ?? [])
    .filter((o) => o.isActive && o.roles.some((r) => r === 'hotline_owner' || r === 'unit_leader'))
    .map((o) => ({ value: o.id, label: `${o.fullName}${o.title ? ` — ${o.title}` : ''}` }));

  const onSubmit = submit(async (v) => {
    const body = {
      number: v.number.trim(),
      displayNumber: (v.displayNumber || v.number).trim(),
      name: v.name.trim(),
      // Blank: none, and the Vietnamese name is shown on English pages.
      nameEn: v.nameEn.trim() || null,
      ownerOfficialId: v.ownerOfficialId ?? '',
      unitCode: v.unitCode ?? '',
      isDrill: v.isDrill,
    };
    if (hotline) {
      const changed = Object.fromEntries(
        Object.entries({ ...body, isActive: v.isActive }).filter(
          ([k]) => dirtyFields[k as keyof Values],
        ),
      );
      if (Object.keys(changed).length > 0) {
        unwrap(
          await api.PATCH('/v1/admin/hotlines/{hotlineId}', {
            params: { path: { hotlineId: hotline.id } },
            body: changed,
          }),
        );
      }
    } else {
      unwrap(await api.POST('/v1/admin/hotlines', { body }));
    }
    await client.invalidateQueries({ queryKey: ['admin', 'hotlines'] });
    onDone(true);
  });

  return (
    <AdminForm
      onSubmit={onSubmit}
      formErrors={formErrors}
      isSubmitting={isSubmitting}
      isNew={!hotline}
      onCancel={() => onDone(false)}
    >
      <TextInput
        label={t('admin.hotlines.name')}
        required
        {...register('name', { required: t('admin.validation.required') })}
        error={errors.name?.message}
      />
      <TextInput
        label={t('admin.hotlines.nameEn')}
        description={t('admin.englishNameHelp')}
        lang="en"
        {...register('nameEn')}
        error={errors.nameEn?.message}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('admin.hotlines.number')}
          description={t('admin.hotlines.numberHelp')}
          type="tel"
          required
          {...register('number', {
            required: t('admin.validation.required'),
            minLength: { value: 3, message: t('admin.validation.phone') },
          })}
          error={errors.number?.message}
        />
        <TextInput
          label={t('admin.hotlines.displayNumber')}
          description={t('admin.hotlines.displayHelp')}
          {...register('displayNumber')}
          error={errors.displayNumber?.message}
        />
      </SimpleGrid>
      <Controller
        control={control}
        name="ownerOfficialId"
        rules={{ required: t('admin.validation.required') }}
        render={({ field }) => (
          <Select
            label={t('admin.hotlines.owner')}
            description={t('admin.hotlines.ownerHelp')}
            required
            searchable
            data={owners}
            {...field}
            error={errors.ownerOfficialId?.message}
          />
        )}
      />
      <Controller
        control={control}
        name="unitCode"
        rules={{ required: t('admin.validation.required') }}
        render={({ field }) => (
          <Select
            label={t('admin.hotlines.unit')}
            description={t('admin.hotlines.unitHelp')}
            required
            searchable
            data={unitOptions(units.data)}
            {...field}
            error={errors.unitCode?.message}
          />
        )}
      />
      {hotline && <Checkbox label={t('admin.hotlines.isActive')} {...register('isActive')} />}
      <Checkbox
        label={t('admin.drill.label')}
        description={t('admin.drill.help')}
        {...register('isDrill')}
      />
    </AdminForm>
  );
}

/** Published hotline numbers: number ↔ owner ↔ unit. */
export function HotlinesPage() {
  const { t } = useTranslation();
  const hotlines = useHotlines();
  const officials = useOfficials();
  const units = useUnitTree();
  const [editing, setEditing] = useState<Hotline | 'new' | null>(null);
  const ownerName = new Map((officials.data ?? []).map((o) => [o.id, o.fullName]));
  const unitName = new Map(flattenUnits(units.data ?? []).map((u) => [u.code, u.name]));

  return (
    <Stack gap="md">
      <PageHeader
        title={t('admin.hotlines.title')}
        description={t('admin.hotlines.help')}
        actions={<Button onClick={() => setEditing('new')}>{t('admin.hotlines.add')}</Button>}
      />
      <ListState query={hotlines} />
      {hotlines.data && (
        <DataTable<Hotline>
          caption={t('admin.hotlines.title')}
          rows={hotlines.data}
          rowKey={(h) => h.id}
          columns={[
            {
              key: 'name',
              header: t('admin.hotlines.name'),
              cell: (h) => <NameCell name={h.name} isActive={h.isActive} />,
            },
            {
              key: 'number',
              header: t('admin.hotlines.number'),
              cell: (h) => (
                <Stack gap={0}>
                  <Text size="sm" ff="monospace">
                    {h.displayNumber}
                  </Text>
                  <Text size="xs" c="gray.7" ff="monospace">
                    {h.number}
                  </Text>
                </Stack>
              ),
            },
            {
              key: 'owner',
              header: t('admin.hotlines.owner'),
              cell: (h) => ownerName.get(h.ownerOfficialId) ?? '—',
            },
            {
              key: 'unit',
              header: t('admin.hotlines.unit'),
              cell: (h) => unitName.get(h.unitCode) ?? h.unitCode,
            },
            {
              key: 'actions',
              header: t('admin.actions.label'),
              cell: (h) => (
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => setEditing(h)}
                  aria-label={`${t('admin.actions.edit')}: ${h.name}`}
                >
                  {t('admin.actions.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('admin.hotlines.add') : (editing?.name ?? '')}
        size="lg"
        form={(hotline, onDone) => <HotlineForm hotline={hotline} onDone={onDone} />}
      />
    </Stack>
  );
}

import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EditModal } from '../../components/admin/edit-modal';
import { api, unwrap } from '../../api/client';
import { useCategories, type Category } from '../../components/admin/admin-data';
import { CodeInput, codeRules } from '../../components/admin/code-input';
import { ConfirmButton } from '../../components/admin/confirm-button';
import { AdminForm } from '../../components/admin/admin-form';
import { PageHeader } from '../../components/admin/page-header';
import { useApiForm } from '../../components/admin/use-api-form';
import { DataTable } from '../../components/charts/data-table';
import { ListState, NameCell } from '../../components/admin/list-parts';
import { useListChange } from '../../components/admin/use-list-change';

interface Values {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  groupName: string;
  keywords: string;
  sortOrder: number | string;
  isDrill: boolean;
}

function CategoryForm({
  category,
  onDone,
}: {
  category?: Category;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm<Values>({
    defaultValues: {
      code: category?.code ?? '',
      name: category?.name ?? '',
      nameEn: category?.nameEn ?? '',
      description: category?.description ?? '',
      descriptionEn: category?.descriptionEn ?? '',
      groupName: category?.groupName ?? '',
      keywords: category?.keywords ?? '',
      sortOrder: category?.sortOrder ?? 100,
      isDrill: category?.isDrill ?? false,
    },
  });
  const { register, control, formState } = form;
  const { errors, isSubmitting } = formState;
  const { submit, formErrors } = useApiForm(form);
  const onSubmit = submit(async (v) => {
    const body = {
      name: v.name.trim(),
      // Blank: none, and the Vietnamese is shown on English pages.
      nameEn: v.nameEn.trim() || null,
      description: v.description.trim(),
      descriptionEn: v.descriptionEn.trim() || null,
      groupName: v.groupName.trim() || null,
      keywords: v.keywords.trim(),
      sortOrder: Number(v.sortOrder) || 0,
      isDrill: v.isDrill,
    };
    if (category) {
      unwrap(
        await api.PATCH('/v1/admin/categories/{code}', {
          params: { path: { code: category.code } },
          body,
        }),
      );
    } else {
      unwrap(await api.POST('/v1/admin/categories', { body: { code: v.code, ...body } }));
    }
    await client.invalidateQueries({ queryKey: ['admin', 'categories'] });
    onDone(true);
  });
  return (
    <AdminForm
      onSubmit={onSubmit}
      formErrors={formErrors}
      isSubmitting={isSubmitting}
      isNew={!category}
      onCancel={() => onDone(false)}
    >
      {!category && (
        <CodeInput
          label={t('admin.categories.code')}
          {...register('code', codeRules(t))}
          error={errors.code?.message}
        />
      )}
      <TextInput
        label={t('admin.categories.name')}
        required
        {...register('name', { required: t('admin.validation.required') })}
        error={errors.name?.message}
      />
      <TextInput
        label={t('admin.categories.nameEn')}
        description={t('admin.englishNameHelp')}
        lang="en"
        {...register('nameEn')}
        error={errors.nameEn?.message}
      />
      <TextInput
        label={t('admin.categories.group')}
        {...register('groupName')}
        error={errors.groupName?.message}
      />
      <Textarea
        label={t('admin.categories.description')}
        autosize
        minRows={2}
        {...register('description')}
        error={errors.description?.message}
      />
      <Textarea
        label={t('admin.categories.descriptionEn')}
        lang="en"
        autosize
        minRows={2}
        {...register('descriptionEn')}
        error={errors.descriptionEn?.message}
      />
      <TextInput
        label={t('admin.categories.keywords')}
        description={t('admin.categories.keywordsHelp')}
        {...register('keywords')}
        error={errors.keywords?.message}
      />
      <Controller
        control={control}
        name="sortOrder"
        rules={{ min: { value: 0, message: t('admin.validation.range') } }}
        render={({ field }) => (
          <NumberInput
            label={t('admin.categories.sortOrder')}
            min={0}
            max={100000}
            allowDecimal={false}
            {...field}
            error={errors.sortOrder?.message}
          />
        )}
      />
      <Checkbox
        label={t('admin.drill.label')}
        description={t('admin.drill.help')}
        {...register('isDrill')}
      />
    </AdminForm>
  );
}

/** Categories (lĩnh vực) citizens and operators file cases under. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const categories = useCategories();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const deactivate = useListChange(['admin', 'categories'], async (code: string) =>
    unwrap(
      await api.POST('/v1/admin/categories/{code}/deactivate', { params: { path: { code } } }),
    ),
  );
  const reactivate = useListChange(['admin', 'categories'], async (code: string) =>
    unwrap(
      await api.PATCH('/v1/admin/categories/{code}', {
        params: { path: { code } },
        body: { isActive: true },
      }),
    ),
  );

  return (
    <Stack gap="md">
      <PageHeader
        title={t('admin.categories.title')}
        description={t('admin.categories.help')}
        actions={<Button onClick={() => setEditing('new')}>{t('admin.categories.add')}</Button>}
      />
      <ListState query={categories} />
      {categories.data && (
        <DataTable<Category>
          caption={t('admin.categories.title')}
          rows={categories.data}
          rowKey={(c) => c.id}
          columns={[
            {
              key: 'name',
              header: t('admin.categories.name'),
              cell: (c) => <NameCell name={c.name} isActive={c.isActive} />,
            },
            {
              key: 'nameEn',
              header: t('admin.categories.nameEn'),
              cell: (c) => c.nameEn ?? '—',
            },
            {
              key: 'code',
              header: t('admin.categories.code'),
              cell: (c) => (
                <Text size="sm" ff="monospace">
                  {c.code}
                </Text>
              ),
            },
            { key: 'group', header: t('admin.categories.group'), cell: (c) => c.groupName ?? '—' },
            {
              key: 'keywords',
              header: t('admin.categories.keywords'),
              cell: (c) => c.keywords || '—',
            },
            {
              key: 'sort',
              header: t('admin.categories.sortOrder'),
              cell: (c) => c.sortOrder,
              numeric: true,
            },
            {
              key: 'actions',
              header: t('admin.actions.label'),
              cell: (c) => (
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => setEditing(c)}
                    aria-label={`${t('admin.actions.edit')}: ${c.name}`}
                  >
                    {t('admin.actions.edit')}
                  </Button>
                  {c.isActive ? (
                    <ConfirmButton
                      size="compact-sm"
                      variant="default"
                      title={t('admin.categories.deactivate')}
                      message={t('admin.categories.deactivateConfirm', { name: c.name })}
                      confirmLabel={t('admin.categories.deactivate')}
                      onConfirm={() => deactivate.mutate(c.code)}
                    >
                      {t('admin.categories.deactivate')}
                    </ConfirmButton>
                  ) : (
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => reactivate.mutate(c.code)}
                    >
                      {t('admin.categories.reactivate')}
                    </Button>
                  )}
                </Group>
              ),
            },
          ]}
        />
      )}
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('admin.categories.add') : (editing?.name ?? '')}
        size="lg"
        form={(category, onDone) => <CategoryForm category={category} onDone={onDone} />}
      />
    </Stack>
  );
}

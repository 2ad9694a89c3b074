import { Alert, Button, Code, Group, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { ensureOk, errorMessageOf } from '../../components/admin/api-errors';
import { ConfirmButton } from '../../components/admin/confirm-button';
import { EditModal } from '../../components/admin/edit-modal';
import { ListState, NameCell } from '../../components/admin/list-parts';
import { PageHeader } from '../../components/admin/page-header';
import { useListChange } from '../../components/admin/use-list-change';
import { DataTable } from '../../components/charts/data-table';
import { NotFoundPage } from '../not-found-page';
import { TemplateForm } from './template-form';
import type { ReplyTemplate } from './template-types';

/** What each placeholder is filled with, for whoever writes a template. */
function PlaceholderHelp({ placeholders }: { placeholders: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" title={t('templates.placeholders.title')} data-testid="placeholder-help">
      <Text size="sm" mb={4}>
        {t('templates.placeholders.intro')}
      </Text>
      <List size="sm" spacing={2}>
        {placeholders.map((p) => (
          <List.Item key={p}>
            <Code>{`{${p}}`}</Code> — {t(`templates.placeholders.name.${p}`, { defaultValue: p })}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt={4}>
        {t('templates.placeholders.example')}
      </Text>
    </Alert>
  );
}

/**
 * /templates — reply templates: a unit leader manages their unit's, an administrator every
 * unit's and the province-wide ones. Every change is recorded in the administration audit.
 */
export function TemplatesPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const isAdmin = hasRole('admin');
  const canManage = isAdmin || hasRole('unit_leader');
  const [editing, setEditing] = useState<ReplyTemplate | 'new' | null>(null);
  const templates = useQuery({
    queryKey: ['reply-templates'],
    queryFn: async () => unwrap(await api.GET('/v1/reply-templates')),
    enabled: canManage,
  });
  const remove = useListChange(['reply-templates'], async (id: string) => {
    ensureOk(
      await api.DELETE('/v1/reply-templates/{templateId}', {
        params: { path: { templateId: id } },
      }),
    );
  });
  if (!canManage) return <NotFoundPage />;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('templates.title')}
        description={t(isAdmin ? 'templates.helpAdmin' : 'templates.helpLeader')}
        actions={<Button onClick={() => setEditing('new')}>{t('templates.add')}</Button>}
      />
      {templates.data && <PlaceholderHelp placeholders={templates.data.placeholders} />}
      <ListState query={templates} />
      {remove.error ? <Alert color="red">{errorMessageOf(remove.error)}</Alert> : null}
      {templates.data && templates.data.templates.length === 0 && (
        <Text c="gray.7" data-testid="templates-empty">
          {t('templates.empty')}
        </Text>
      )}
      {templates.data && templates.data.templates.length > 0 && (
        <DataTable<ReplyTemplate>
          caption={t('templates.title')}
          rows={templates.data.templates}
          rowKey={(x) => x.id}
          columns={[
            {
              key: 'title',
              header: t('templates.field.title'),
              cell: (x) => <NameCell name={x.title} isActive={x.isActive} />,
            },
            {
              key: 'purpose',
              header: t('templates.field.purpose'),
              cell: (x) => t(`templates.purpose.${x.purpose}`),
            },
            {
              key: 'unit',
              header: t('templates.field.unit'),
              cell: (x) => x.unit?.name ?? t('templates.allUnits'),
            },
            {
              key: 'category',
              header: t('templates.field.category'),
              cell: (x) => x.category?.name ?? t('templates.anyCategory'),
            },
            {
              key: 'body',
              header: t('templates.field.body'),
              cell: (x) => (
                <Text size="sm" lineClamp={2} maw={360}>
                  {x.body}
                </Text>
              ),
            },
            {
              key: 'actions',
              header: t('admin.actions.label'),
              cell: (x) => (
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => setEditing(x)}
                    aria-label={`${t('admin.actions.edit')}: ${x.title}`}
                  >
                    {t('admin.actions.edit')}
                  </Button>
                  <ConfirmButton
                    size="compact-sm"
                    variant="default"
                    title={t('templates.remove')}
                    message={t('templates.removeConfirm', { title: x.title })}
                    confirmLabel={t('templates.remove')}
                    onConfirm={() => remove.mutate(x.id)}
                  >
                    {t('templates.remove')}
                  </ConfirmButton>
                </Group>
              ),
            },
          ]}
        />
      )}
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('templates.add') : (editing?.title ?? '')}
        size="lg"
        form={(template, onDone) => (
          <TemplateForm template={template} isAdmin={isAdmin} onDone={onDone} />
        )}
      />
    </Stack>
  );
}

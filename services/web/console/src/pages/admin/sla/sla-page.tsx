import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditModal } from '../../../components/admin/edit-modal';
import { api, unwrap } from '../../../api/client';
import { useCategories } from '../../../components/admin/admin-data';
import { ensureOk } from '../../../components/admin/api-errors';
import { ConfirmButton } from '../../../components/admin/confirm-button';
import { PageHeader } from '../../../components/admin/page-header';
import { DataTable } from '../../../components/charts/data-table';
import { SlaPolicyForm, type Policy } from './sla-policy-form';
import { ListState } from '../../../components/admin/list-parts';
import { useListChange } from '../../../components/admin/use-list-change';

/** "10 ngày làm việc" / "30 days (calendar)" from an ISO duration and its unit. */
export function targetText(
  target: { duration: string; unit: string } | null | undefined,
  t: TFunction,
) {
  if (!target) return '—';
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(target.duration);
  if (!m) return target.duration;
  const parts = [
    m[1] ? t('admin.sla.days', { count: Number(m[1]) }) : null,
    m[2] ? t('admin.sla.hours', { count: Number(m[2]) }) : null,
    m[3] ? t('admin.sla.minutes', { count: Number(m[3]) }) : null,
  ].filter(Boolean);
  return `${parts.join(' ')} ${t(target.unit === 'calendar' ? 'admin.sla.calendarShort' : 'admin.sla.workingShort')}`;
}

/** SLA policies per case type × category × priority, and the built-in defaults. */
export function SlaPage() {
  const { t } = useTranslation();
  const categories = useCategories();
  const [editing, setEditing] = useState<Policy | 'new' | null>(null);
  const policies = useQuery({
    queryKey: ['admin', 'sla-policies'],
    queryFn: async () => unwrap(await api.GET('/v1/admin/sla-policies')).policies,
  });
  const remove = useListChange(['admin', 'sla-policies'], async (id: string) =>
    ensureOk(await api.DELETE('/v1/admin/sla-policies/{id}', { params: { path: { id } } })),
  );
  const categoryName = new Map((categories.data ?? []).map((c) => [c.code, c.name]));

  return (
    <Stack gap="md">
      <PageHeader
        title={t('admin.sla.title')}
        description={t('admin.sla.help')}
        actions={<Button onClick={() => setEditing('new')}>{t('admin.sla.add')}</Button>}
      />
      <ListState query={policies} />
      {policies.data && (
        <DataTable<Policy>
          caption={t('admin.sla.title')}
          rows={policies.data}
          rowKey={(p) => p.id}
          columns={[
            {
              key: 'applies',
              header: t('admin.sla.appliesTo'),
              cell: (p) => (
                <Stack gap={2}>
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {t(`admin.caseTypes.${p.caseType}`)}
                    </Text>
                    {p.isDefault && (
                      <Badge size="xs" color="gray.8" variant="filled">
                        {t('admin.sla.builtIn')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="gray.7">
                    {[
                      p.categoryCode
                        ? (categoryName.get(p.categoryCode) ?? p.categoryCode)
                        : t('admin.sla.anyCategory'),
                      p.priority ? t(`admin.priorities.${p.priority}`) : t('admin.sla.anyPriority'),
                    ].join(' · ')}
                  </Text>
                </Stack>
              ),
            },
            {
              key: 'acc',
              header: t('admin.sla.targets.acceptance'),
              cell: (p) => targetText(p.acceptance, t),
            },
            {
              key: 'first',
              header: t('admin.sla.targets.firstResponse'),
              cell: (p) => targetText(p.firstResponse, t),
            },
            {
              key: 'res',
              header: t('admin.sla.targets.resolution'),
              cell: (p) => targetText(p.resolution, t),
            },
            {
              key: 'warn',
              header: t('admin.sla.warningPercent'),
              cell: (p) => `${Math.round(p.warningFraction * 100)}%`,
              numeric: true,
            },
            {
              key: 'ladder',
              header: t('admin.sla.ladder'),
              cell: (p) =>
                `${targetText(p.escalation.rung2After, t)} → ${targetText(p.escalation.rung3After, t)}`,
            },
            {
              key: 'actions',
              header: t('admin.actions.label'),
              cell: (p) =>
                p.isDefault ? (
                  <Button size="compact-sm" variant="default" onClick={() => setEditing(p)}>
                    {t('admin.sla.override')}
                  </Button>
                ) : (
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-sm" variant="default" onClick={() => setEditing(p)}>
                      {t('admin.actions.edit')}
                    </Button>
                    <ConfirmButton
                      size="compact-sm"
                      variant="default"
                      title={t('admin.actions.delete')}
                      message={t('admin.sla.deleteConfirm')}
                      confirmLabel={t('admin.actions.delete')}
                      onConfirm={() => remove.mutate(p.id)}
                    >
                      {t('admin.actions.delete')}
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
        title={
          editing === 'new' || (editing && editing.isDefault)
            ? t('admin.sla.add')
            : t('admin.sla.edit')
        }
        size="xl"
        form={(policy, onDone) => <SlaPolicyForm policy={policy} onDone={onDone} />}
      />
    </Stack>
  );
}

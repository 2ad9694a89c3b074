import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditModal } from '../../../components/admin/edit-modal';
import { api, unwrap } from '../../../api/client';
import { flattenUnits, useCategories, useUnitTree } from '../../../components/admin/admin-data';
import { ensureOk } from '../../../components/admin/api-errors';
import { ConfirmButton } from '../../../components/admin/confirm-button';
import { PageHeader } from '../../../components/admin/page-header';
import { DataTable } from '../../../components/charts/data-table';
import { RoutingDryRun } from './routing-dry-run';
import { RoutingRuleForm, type Rule } from './routing-rule-form';
import { ListState, NameCell } from '../../../components/admin/list-parts';
import { useListChange } from '../../../components/admin/use-list-change';
import { localName } from '../../../components/use-reference';

/** A rule's conditions in words ("Lĩnh vực: Đất đai · Từ khóa: lấn chiếm"). */
function conditionsText(rule: Rule, t: TFunction, names: Map<string, string>): string {
  const c = rule.conditions;
  const parts = [
    c.categoryCodes?.length
      ? `${t('admin.routing.categories')}: ${c.categoryCodes.map((x) => names.get(`c:${x}`) ?? x).join(', ')}`
      : null,
    c.unitCodes?.length
      ? `${t('admin.routing.locations')}: ${c.unitCodes.map((x) => names.get(`u:${x}`) ?? x).join(', ')}`
      : null,
    c.words?.length ? `${t('admin.routing.words')}: ${c.words.join(', ')}` : null,
    c.hotlineNumbers?.length
      ? `${t('admin.routing.hotlines')}: ${c.hotlineNumbers.join(', ')}`
      : null,
    c.channels?.length
      ? `${t('admin.routing.channels')}: ${c.channels.map((x) => t(`admin.channels.${x}`)).join(', ')}`
      : null,
    c.priorities?.length
      ? `${t('admin.routing.priorities')}: ${c.priorities.map((x) => t(`admin.priorities.${x}`)).join(', ')}`
      : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : t('admin.routing.everyCase');
}

/** Ordered routing rules (first match wins) and the dry-run tester. */
export function RoutingPage() {
  const { t, i18n } = useTranslation();
  const units = useUnitTree();
  const categories = useCategories();
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const rules = useQuery({
    queryKey: ['admin', 'routing-rules'],
    queryFn: async () => unwrap(await api.GET('/v1/admin/routing-rules')).rules,
  });
  const remove = useListChange(['admin', 'routing-rules'], async (id: string) =>
    ensureOk(await api.DELETE('/v1/admin/routing-rules/{id}', { params: { path: { id } } })),
  );
  const names = new Map<string, string>([
    ...flattenUnits(units.data ?? []).map((u) => [`u:${u.code}`, u.name] as [string, string]),
    ...(categories.data ?? []).map(
      (c) => [`c:${c.code}`, localName(i18n.language, c)] as [string, string],
    ),
  ]);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('admin.routing.title')}
        description={t('admin.routing.help')}
        actions={<Button onClick={() => setEditing('new')}>{t('admin.routing.add')}</Button>}
      />
      <ListState query={rules} />
      {rules.data && rules.data.length === 0 && <Text c="gray.7">{t('admin.routing.none')}</Text>}
      {rules.data && rules.data.length > 0 && (
        <DataTable<Rule>
          caption={t('admin.routing.title')}
          rows={rules.data}
          rowKey={(r) => r.id}
          columns={[
            { key: 'pos', header: '#', cell: (r) => r.position, numeric: true },
            {
              key: 'name',
              header: t('admin.routing.name'),
              cell: (r) => (
                <NameCell name={r.name} isActive={r.isActive}>
                  {!r.targetUnitActive && (
                    <Badge size="xs" color="orange.9" variant="filled">
                      {t('admin.routing.targetInactive')}
                    </Badge>
                  )}
                </NameCell>
              ),
            },
            {
              key: 'when',
              header: t('admin.routing.conditions'),
              cell: (r) => conditionsText(r, t, names),
            },
            {
              key: 'to',
              header: t('admin.routing.target'),
              cell: (r) => (
                <Stack gap={0}>
                  <Text size="sm">{names.get(`u:${r.targetUnitCode}`) ?? r.targetUnitCode}</Text>
                  <Text size="xs" c="gray.7">
                    {t(`admin.strategies.${r.strategy}`)}
                    {r.namedOfficialEmail ? `: ${r.namedOfficialEmail}` : ''}
                  </Text>
                </Stack>
              ),
            },
            {
              key: 'actions',
              header: t('admin.actions.label'),
              cell: (r) => (
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => setEditing(r)}
                    aria-label={`${t('admin.actions.edit')}: ${r.name}`}
                  >
                    {t('admin.actions.edit')}
                  </Button>
                  <ConfirmButton
                    size="compact-sm"
                    variant="default"
                    title={t('admin.actions.delete')}
                    message={t('admin.routing.deleteConfirm', { name: r.name })}
                    confirmLabel={t('admin.actions.delete')}
                    onConfirm={() => remove.mutate(r.id)}
                  >
                    {t('admin.actions.delete')}
                  </ConfirmButton>
                </Group>
              ),
            },
          ]}
        />
      )}
      <RoutingDryRun />
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('admin.routing.add') : (editing?.name ?? '')}
        size="xl"
        form={(rule, onDone) => <RoutingRuleForm rule={rule} onDone={onDone} />}
      />
    </Stack>
  );
}

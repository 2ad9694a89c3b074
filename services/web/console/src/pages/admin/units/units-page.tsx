import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  Stack,
  Switch,
  Text,
  Title,
  Tree,
  getTreeExpandedState,
  useTree,
  type TreeNodeData,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AA_TEXT } from '../../../components/admin/aa-text';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { flattenUnits, useUnitTree, type UnitNode } from '../../../components/admin/admin-data';
import { errorMessageOf } from '../../../components/admin/api-errors';
import { ConfirmButton } from '../../../components/admin/confirm-button';
import { PageHeader } from '../../../components/admin/page-header';
import { MergeModal } from './merge-modal';
import { UnitForm } from './unit-form';
import { ListState } from '../../../components/admin/list-parts';

function toTreeData(units: readonly UnitNode[], showInactive: boolean): TreeNodeData[] {
  return units
    .filter((u) => showInactive || u.isActive)
    .map((u) => ({
      value: u.code,
      label: u.name,
      nodeProps: { unit: u },
      children: toTreeData(u.children, showInactive),
    }));
}

function UnitBadges({ unit }: { unit: UnitNode }) {
  const { t } = useTranslation();
  return (
    <>
      {unit.isTriage && (
        <Badge size="xs" color="blue.9" variant="filled">
          {t('admin.units.triage')}
        </Badge>
      )}
      {unit.mergedIntoCode ? (
        <Badge size="xs" color="gray.8" variant="filled">
          {t('admin.units.merged')}
        </Badge>
      ) : (
        !unit.isActive && (
          <Badge size="xs" color="gray.8" variant="filled">
            {t('admin.units.inactive')}
          </Badge>
        )
      )}
    </>
  );
}

/** The units as a tree (any depth), and the selected unit's settings, merge and deactivation. */
export function UnitsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [showInactive, setShowInactive] = useState(false);
  const [creating, setCreating] = useState<{ parentCode: string | null } | null>(null);
  const [merging, setMerging] = useState(false);
  const units = useUnitTree(true);
  const selected = params.get('unit');
  const data = useMemo(
    () => toTreeData(units.data ?? [], showInactive),
    [units.data, showInactive],
  );
  const all = useMemo(() => flattenUnits(units.data ?? []), [units.data]);
  const unit = all.find((u) => u.code === selected);
  const choose = (code: string | undefined) => {
    if (code) setParams({ unit: code });
  };
  // Every level open at first (a province is a few hundred units); the official folds them.
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const seen = useRef(new Set<string>());
  useEffect(() => {
    const all = getTreeExpandedState(data, '*');
    const fresh = Object.keys(all).filter((v) => !seen.current.has(v));
    fresh.forEach((v) => seen.current.add(v));
    if (fresh.length > 0) {
      setExpanded((was) => ({ ...was, ...Object.fromEntries(fresh.map((v) => [v, true])) }));
    }
  }, [data]);
  const tree = useTree({
    selectedState: selected ? [selected] : [],
    onSelectedStateChange: (s) => choose(s[0]),
    expandedState: expanded,
    onExpandedStateChange: setExpanded,
  });

  const deactivate = useMutation({
    mutationFn: async (code: string) =>
      unwrap(await api.POST('/v1/admin/units/{code}/deactivate', { params: { path: { code } } })),
    onSuccess: async (u) => {
      notifications.show({
        color: 'green',
        message: t('admin.units.deactivated', { name: u.name }),
      });
      await client.invalidateQueries({ queryKey: ['admin', 'units'] });
    },
  });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('admin.units.title')}
        description={t('admin.units.help')}
        actions={
          <Button onClick={() => setCreating({ parentCode: null })}>{t('admin.units.add')}</Button>
        }
      />
      <ListState query={units} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="sm" radius="md">
            <Stack gap="xs">
              <Switch
                label={t('admin.units.showInactive')}
                checked={showInactive}
                onChange={(e) => setShowInactive(e.currentTarget.checked)}
              />
              <div
                onKeyDown={(e) => {
                  if (e.key !== 'Enter') return;
                  const item = (e.target as HTMLElement).closest('[role=treeitem]');
                  choose(item?.getAttribute('data-value') ?? undefined);
                }}
              >
                <Tree
                  data={data}
                  tree={tree}
                  aria-label={t('admin.units.tree')}
                  selectOnClick
                  levelOffset={18}
                  expandOnClick={false}
                  renderNode={({ node, expanded, hasChildren, elementProps, tree: controller }) => {
                    const u = (node.nodeProps as { unit: UnitNode }).unit;
                    return (
                      <Group gap={6} wrap="nowrap" py={3} {...elementProps}>
                        {/* Folds by mouse here, by keyboard with the arrow keys (on the item). */}
                        <Text
                          span
                          w={18}
                          ta="center"
                          aria-hidden
                          c="gray.8"
                          style={{ cursor: hasChildren ? 'pointer' : undefined }}
                          onClick={(e) => {
                            if (!hasChildren) return;
                            e.stopPropagation();
                            controller.toggleExpanded(node.value);
                          }}
                        >
                          {hasChildren ? (expanded ? '▾' : '▸') : ''}
                        </Text>
                        <Text
                          span
                          size="sm"
                          fw={u.code === selected ? 700 : 400}
                          c={u.isActive ? undefined : 'gray.7'}
                        >
                          {u.name}
                        </Text>
                        <UnitBadges unit={u} />
                      </Group>
                    );
                  }}
                />
              </div>
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper
            withBorder
            p="md"
            radius="md"
            component="section"
            aria-label={t('admin.units.details')}
          >
            {!unit ? (
              <Text c="gray.7">{t('admin.units.pick')}</Text>
            ) : (
              <Stack gap="sm">
                <Group justify="space-between" align="flex-start">
                  <div>
                    <Title order={4}>{unit.name}</Title>
                    {unit.nameEn && (
                      <Text size="sm" c="gray.8" lang="en">
                        {unit.nameEn}
                      </Text>
                    )}
                    <Group gap={6}>
                      <Text size="sm" c="gray.7" ff="monospace">
                        {unit.code}
                      </Text>
                      <UnitBadges unit={unit} />
                    </Group>
                    {unit.mergedIntoCode && (
                      <Text size="sm" c="gray.8">
                        {t('admin.units.mergedInto', {
                          name:
                            all.find((u) => u.code === unit.mergedIntoCode)?.name ??
                            unit.mergedIntoCode,
                        })}
                      </Text>
                    )}
                  </div>
                  {unit.isActive && (
                    <Group gap="xs">
                      <Button
                        variant="default"
                        size="xs"
                        onClick={() => setCreating({ parentCode: unit.code })}
                      >
                        {t('admin.units.addChild')}
                      </Button>
                      <Button variant="default" size="xs" onClick={() => setMerging(true)}>
                        {t('admin.units.merge.open')}
                      </Button>
                      <ConfirmButton
                        variant="default"
                        size="xs"
                        loading={deactivate.isPending}
                        title={t('admin.units.deactivate')}
                        message={t('admin.units.deactivateConfirm', { name: unit.name })}
                        confirmLabel={t('admin.units.deactivate')}
                        onConfirm={() => deactivate.mutate(unit.code)}
                      >
                        {t('admin.units.deactivate')}
                      </ConfirmButton>
                    </Group>
                  )}
                </Group>
                {deactivate.error && (
                  <Alert color="red" role="alert">
                    {errorMessageOf(deactivate.error)}
                  </Alert>
                )}
                {unit.isActive && (
                  <UnitForm
                    key={unit.code}
                    unit={unit}
                    onSaved={() =>
                      notifications.show({ color: 'green', message: t('admin.saved') })
                    }
                  />
                )}
              </Stack>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      <Modal
        styles={{ content: AA_TEXT }}
        opened={creating !== null}
        onClose={() => setCreating(null)}
        title={t('admin.units.add')}
        size="lg"
      >
        {creating && (
          <UnitForm
            parentCode={creating.parentCode}
            onCancel={() => setCreating(null)}
            onSaved={(code) => {
              setCreating(null);
              notifications.show({ color: 'green', message: t('admin.saved') });
              choose(code);
            }}
          />
        )}
      </Modal>
      {unit && (
        <MergeModal
          key={unit.code}
          unit={unit}
          units={units.data ?? []}
          opened={merging}
          onClose={() => setMerging(false)}
          onMerged={(into) => {
            setMerging(false);
            choose(into);
          }}
        />
      )}
    </Stack>
  );
}

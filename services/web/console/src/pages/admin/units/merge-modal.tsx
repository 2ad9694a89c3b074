import { Alert, Button, Group, List, Loader, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AA_TEXT, AA_ALERT } from '../../../components/admin/aa-text';
import { api, unwrap } from '../../../api/client';
import { flattenUnits, type UnitNode } from '../../../components/admin/admin-data';
import { errorMessageOf, fieldErrorsOf } from '../../../components/admin/api-errors';

/** Units a unit may merge into: active, not itself and not below it. */
function targetsFor(unit: UnitNode, all: readonly UnitNode[]) {
  const below = new Set(flattenUnits([unit]).map((u) => u.code));
  return flattenUnits(all)
    .filter((u) => u.isActive && !below.has(u.code))
    .map((u) => ({ value: u.code, label: `${'\u2002'.repeat(u.depth)}${u.name}` }));
}

/**
 * Merging a unit into another (the 2025 reform): the administrator picks the unit that takes
 * over and reads what will move before confirming.
 */
export function MergeModal({
  unit,
  units,
  opened,
  onClose,
  onMerged,
}: {
  unit: UnitNode;
  units: readonly UnitNode[];
  opened: boolean;
  onClose: () => void;
  onMerged: (into: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [into, setInto] = useState<string | null>(null);
  const preview = useQuery({
    enabled: opened,
    queryKey: ['admin', 'units', 'merge-preview', unit.code],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/admin/units/{code}/merge-preview', {
          params: { path: { code: unit.code } },
        }),
      ),
  });
  const merge = useMutation({
    mutationFn: async (target: string) =>
      unwrap(
        await api.POST('/v1/admin/units/{code}/merge', {
          params: { path: { code: unit.code } },
          body: { into: target },
        }),
      ),
    onSuccess: async (result) => {
      notifications.show({
        color: 'green',
        title: t('admin.units.merge.done'),
        message: t('admin.units.merge.doneText', {
          from: result.from.name,
          into: result.into.name,
          cases: result.movedCases,
          officials: result.movedOfficials,
        }),
      });
      await client.invalidateQueries({ queryKey: ['admin'] });
      onMerged(result.into.code);
    },
  });
  const target = flattenUnits(units).find((u) => u.code === into);
  const p = preview.data;
  const intoError = fieldErrorsOf(merge.error).find((f) => f.field === 'into')?.message;

  return (
    <Modal
      styles={{ content: AA_TEXT }}
      opened={opened}
      onClose={onClose}
      title={t('admin.units.merge.title', { name: unit.name })}
      size="lg"
    >
      <Stack gap="sm">
        <Select
          label={t('admin.units.merge.into')}
          description={t('admin.units.merge.intoHelp')}
          searchable
          required
          data={targetsFor(unit, units)}
          value={into}
          onChange={setInto}
          error={intoError}
          comboboxProps={{ withinPortal: true }}
        />
        {preview.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
        {p && target && (
          <Alert
            color="orange"
            variant="light"
            styles={AA_ALERT}
            title={t('admin.units.merge.whatMoves', { into: target.name })}
          >
            <List size="sm" spacing={2}>
              <List.Item>{t('admin.units.merge.officials', { count: p.officials })}</List.Item>
              <List.Item>{t('admin.units.merge.hotlines', { count: p.hotlines })}</List.Item>
              <List.Item>{t('admin.units.merge.childUnits', { count: p.childUnits })}</List.Item>
              <List.Item>
                {t('admin.units.merge.routingRules', { count: p.routingRules })}
              </List.Item>
              <List.Item>{t('admin.units.merge.openCases', { count: p.openCases })}</List.Item>
            </List>
            <Text size="sm" mt="xs">
              {t('admin.units.merge.after', { name: unit.name })}
            </Text>
          </Alert>
        )}
        {merge.error && !intoError && (
          <Alert color="red" role="alert">
            {errorMessageOf(merge.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('admin.actions.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!into || !p}
            loading={merge.isPending}
            onClick={() => into && merge.mutate(into)}
          >
            {t('admin.units.merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

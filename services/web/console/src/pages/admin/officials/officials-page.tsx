import {
  Badge,
  Button,
  Code,
  CopyButton,
  Drawer,
  Group,
  Menu,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AA_TEXT } from '../../../components/admin/aa-text';
import { api, unwrap } from '../../../api/client';
import {
  flattenUnits,
  unitOptions,
  useOfficials,
  useUnitTree,
  type Official,
} from '../../../components/admin/admin-data';
import { errorMessageOf } from '../../../components/admin/api-errors';
import { PageHeader } from '../../../components/admin/page-header';
import { DataTable } from '../../../components/charts/data-table';
import { OfficialForm, ROLES } from './official-form';
import { OfficialTokens } from './official-tokens';
import { ListState } from '../../../components/admin/list-parts';
import { useListChange } from '../../../components/admin/use-list-change';

type Editing = { kind: 'create' } | { kind: 'edit' | 'tokens'; official: Official };

/** Officials, their units and roles; sign-in help (temporary passwords) and API tokens. */
export function OfficialsPage() {
  const { t } = useTranslation();
  const officials = useOfficials();
  const units = useUnitTree();
  const [unit, setUnit] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const [state, setState] = useState('active');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [password, setPassword] = useState<{ name: string; value: string } | null>(null);
  const unitName = new Map(flattenUnits(units.data ?? []).map((u) => [u.code, u.name]));

  const reset = useMutation({
    mutationFn: async (o: Official) => ({
      name: o.fullName,
      value: unwrap(
        await api.POST('/v1/admin/officials/{officialId}/reset-password', {
          params: { path: { officialId: o.id } },
        }),
      ).temporaryPassword,
    }),
    onSuccess: setPassword,
    onError: (err) => notifications.show({ color: 'red', message: errorMessageOf(err) }),
  });
  const revoke = useMutation({
    mutationFn: async (o: Official) =>
      unwrap(
        await api.POST('/v1/admin/officials/{officialId}/revoke-sessions', {
          params: { path: { officialId: o.id } },
        }),
      ),
    onSuccess: (r) =>
      notifications.show({
        color: 'green',
        message: t('admin.officials.signedOut', { count: r.revoked }),
      }),
    onError: (err) => notifications.show({ color: 'red', message: errorMessageOf(err) }),
  });
  const setActive = useListChange(
    ['admin', 'officials'],
    async ({ o, isActive }: { o: Official; isActive: boolean }) =>
      unwrap(
        await api.PATCH('/v1/admin/officials/{officialId}', {
          params: { path: { officialId: o.id } },
          body: { isActive },
        }),
      ),
  );

  const rows = (officials.data ?? []).filter(
    (o) =>
      (!unit || o.unitCode === unit) &&
      (!role || o.roles.includes(role)) &&
      (state === 'all' || o.isActive === (state === 'active')),
  );

  return (
    <Stack gap="md">
      <PageHeader
        title={t('admin.officials.title')}
        description={t('admin.officials.help')}
        actions={
          <Button onClick={() => setEditing({ kind: 'create' })}>{t('admin.officials.add')}</Button>
        }
      />
      <Group gap="sm" align="flex-end">
        <Select
          label={t('admin.officials.unit')}
          placeholder={t('admin.all')}
          clearable
          searchable
          data={unitOptions(units.data, true)}
          value={unit}
          onChange={setUnit}
          w={260}
        />
        <Select
          label={t('admin.officials.role')}
          placeholder={t('admin.all')}
          clearable
          data={ROLES.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
          value={role}
          onChange={setRole}
          w={200}
        />
        <SegmentedControl
          aria-label={t('admin.officials.state')}
          value={state}
          onChange={setState}
          data={[
            { value: 'active', label: t('admin.officials.active') },
            { value: 'inactive', label: t('admin.officials.inactive') },
            { value: 'all', label: t('admin.all') },
          ]}
        />
      </Group>
      <ListState query={officials} />
      {officials.data && (
        <DataTable<Official>
          caption={t('admin.officials.title')}
          rows={rows}
          rowKey={(o) => o.id}
          columns={[
            {
              key: 'name',
              header: t('admin.officials.fullName'),
              cell: (o) => (
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {o.fullName}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {o.title}
                  </Text>
                </Stack>
              ),
            },
            {
              key: 'login',
              header: t('admin.officials.login'),
              cell: (o) => (
                <Stack gap={0}>
                  <Text size="sm">{o.email}</Text>
                  {o.username && (
                    <Text size="xs" c="gray.7" ff="monospace">
                      {o.username}
                    </Text>
                  )}
                </Stack>
              ),
            },
            {
              key: 'unit',
              header: t('admin.officials.unit'),
              cell: (o) => unitName.get(o.unitCode) ?? o.unitCode,
            },
            {
              key: 'roles',
              header: t('admin.officials.roles'),
              cell: (o) => (
                <Group gap={4}>
                  {o.roles.map((r) => (
                    <Badge key={r} size="sm" variant="outline" color="dark">
                      {t(`admin.roles.${r}`, { defaultValue: r })}
                    </Badge>
                  ))}
                </Group>
              ),
            },
            {
              key: 'state',
              header: t('admin.officials.state'),
              cell: (o) =>
                !o.isActive
                  ? t('admin.officials.inactive')
                  : o.isAbsent
                    ? t('admin.officials.absent')
                    : t('admin.officials.active'),
            },
            {
              key: 'actions',
              header: t('admin.actions.label'),
              cell: (o) => (
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => setEditing({ kind: 'edit', official: o })}
                  >
                    {t('admin.actions.edit')}
                  </Button>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <Button
                        size="compact-sm"
                        variant="default"
                        aria-label={t('admin.officials.more', { name: o.fullName })}
                      >
                        …
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => reset.mutate(o)}>
                        {t('admin.officials.resetPassword')}
                      </Menu.Item>
                      <Menu.Item onClick={() => revoke.mutate(o)}>
                        {t('admin.officials.revokeSessions')}
                      </Menu.Item>
                      <Menu.Item onClick={() => setEditing({ kind: 'tokens', official: o })}>
                        {t('admin.tokens.title')}
                      </Menu.Item>
                      <Menu.Item
                        color={o.isActive ? 'red' : undefined}
                        onClick={() => setActive.mutate({ o, isActive: !o.isActive })}
                      >
                        {o.isActive
                          ? t('admin.officials.deactivate')
                          : t('admin.officials.reactivate')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              ),
            },
          ]}
        />
      )}
      <Modal
        styles={{ content: AA_TEXT }}
        opened={editing?.kind === 'create' || editing?.kind === 'edit'}
        onClose={() => setEditing(null)}
        title={editing?.kind === 'edit' ? editing.official.fullName : t('admin.officials.add')}
        size="lg"
      >
        {(editing?.kind === 'create' || editing?.kind === 'edit') && (
          <OfficialForm
            official={editing.kind === 'edit' ? editing.official : undefined}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              notifications.show({ color: 'green', message: t('admin.saved') });
            }}
          />
        )}
      </Modal>
      <Drawer
        styles={{ content: AA_TEXT }}
        opened={editing?.kind === 'tokens'}
        onClose={() => setEditing(null)}
        position="right"
        size="lg"
        title={
          editing?.kind === 'tokens'
            ? t('admin.tokens.of', { name: editing.official.fullName })
            : ''
        }
      >
        {editing?.kind === 'tokens' && <OfficialTokens official={editing.official} />}
      </Drawer>
      <Modal
        styles={{ content: AA_TEXT }}
        opened={password !== null}
        onClose={() => setPassword(null)}
        title={t('admin.officials.temporaryPassword')}
      >
        {password && (
          <Stack gap="sm">
            <Text size="sm">{t('admin.officials.temporaryHelp', { name: password.name })}</Text>
            <Group gap="xs">
              <Code fz="md" data-testid="temporary-password">
                {password.value}
              </Code>
              <CopyButton value={password.value}>
                {({ copied, copy }) => (
                  <Button size="compact-sm" variant="default" onClick={copy}>
                    {copied ? t('admin.copied') : t('admin.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Group justify="flex-end">
              <Button onClick={() => setPassword(null)}>{t('admin.actions.done')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

import { Badge, Stack, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { Ok } from '../../components/admin/admin-data';
import { ConfirmButton } from '../../components/admin/confirm-button';
import { ListState } from '../../components/admin/list-parts';
import { PageHeader } from '../../components/admin/page-header';
import { useListChange } from '../../components/admin/use-list-change';
import { DataTable } from '../../components/charts/data-table';
import { formatDateTime } from '../../i18n/format';

type Undelivered = Ok<'/v1/admin/notifications/dead-letters'>['items'][number];

const LIST_KEY = ['admin', 'notifications', 'dead-letters'];

/**
 * Messages that did not go out as planned: dead letters (every try failed) and unconfirmed ones
 * (a try whose outcome was lost: the citizen may have it already), each sent again on request.
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: LIST_KEY,
    queryFn: async () => unwrap(await api.GET('/v1/admin/notifications/dead-letters')).items,
  });
  const retry = useListChange(LIST_KEY, async (id: string) =>
    unwrap(await api.POST('/v1/admin/notifications/{id}/retry', { params: { path: { id } } })),
  );

  return (
    <Stack gap="md">
      <PageHeader
        title={t('admin.notifications.title')}
        description={t('admin.notifications.help')}
      />
      <ListState query={list} />
      {list.data && list.data.length === 0 && (
        <Text size="sm">{t('admin.notifications.empty')}</Text>
      )}
      {list.data && list.data.length > 0 && (
        <DataTable<Undelivered>
          caption={t('admin.notifications.title')}
          rows={list.data}
          rowKey={(n) => n.id}
          columns={[
            {
              key: 'status',
              header: t('admin.notifications.status'),
              cell: (n) => (
                <Tooltip label={t(`admin.notifications.statusHelp.${n.status}`)} multiline w={280}>
                  <Badge
                    color={n.status === 'unconfirmed' ? 'yellow.9' : 'red.9'}
                    variant="filled"
                    tabIndex={0}
                  >
                    {t(`admin.notifications.statuses.${n.status}`)}
                  </Badge>
                </Tooltip>
              ),
            },
            {
              key: 'case',
              header: t('admin.notifications.case'),
              cell: (n) => (
                <Text size="sm" ff="monospace">
                  {n.trackingCode ?? '—'}
                </Text>
              ),
            },
            {
              key: 'template',
              header: t('admin.notifications.template'),
              cell: (n) => (
                <Text size="sm" ff="monospace">
                  {n.template}
                </Text>
              ),
            },
            {
              key: 'channel',
              header: t('admin.notifications.channel'),
              cell: (n) => t(`admin.notifications.channels.${n.channel}`),
            },
            {
              key: 'recipient',
              header: t('admin.notifications.recipient'),
              cell: (n) => t(`admin.notifications.recipients.${n.recipient.kind}`),
            },
            {
              key: 'attempts',
              header: t('admin.notifications.attempts'),
              cell: (n) => n.attempts,
              numeric: true,
            },
            {
              key: 'lastError',
              header: t('admin.notifications.lastError'),
              cell: (n) => n.lastError ?? '—',
            },
            {
              key: 'createdAt',
              header: t('admin.notifications.createdAt'),
              cell: (n) => formatDateTime(n.createdAt),
            },
            {
              key: 'actions',
              header: t('admin.actions.label'),
              cell: (n) => (
                <ConfirmButton
                  size="compact-sm"
                  variant="default"
                  danger={n.status === 'unconfirmed'}
                  title={t('admin.notifications.retry')}
                  message={t(`admin.notifications.retryConfirm.${n.status}`)}
                  confirmLabel={t('admin.notifications.retry')}
                  loading={retry.isPending && retry.variables === n.id}
                  onConfirm={() => retry.mutate(n.id)}
                >
                  {t('admin.notifications.retry')}
                </ConfirmButton>
              ),
            },
          ]}
        />
      )}
    </Stack>
  );
}

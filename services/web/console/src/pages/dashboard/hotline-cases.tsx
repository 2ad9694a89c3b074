import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { DataTable } from '../../components/charts/data-table';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { unitName } from './chart-format';
import { useHotlineSummary, type GetResult } from './dashboard-data';
import { SlaBadge } from './oversight-list';
import type { Period } from './period';
import { problemOf } from '../../components/api-errors';

type QueueRow = GetResult<'/v1/queues/{queue}'>['items'][number];
const OPEN = [
  'received',
  'triaged',
  'assigned',
  'in_progress',
  'awaiting_citizen',
  'reopened',
] as const;

/** Every case sent to one hotline (open ones first by default), from the "all cases" queue. */
export function HotlineCases({ period }: { period: Period }) {
  const { t } = useTranslation();
  const { hotlineId } = useParams();
  const [params, setParams] = useSearchParams();
  const summary = useHotlineSummary(period);
  const hotline = summary.data?.hotlines.find((h) => h.hotlineId === hotlineId);
  const which = params.get('cases') === 'all' ? 'all' : 'open';
  const cases = useInfiniteQuery({
    enabled: !!hotline,
    queryKey: ['queues', 'all', 'hotline', hotline?.number, which],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/v1/queues/{queue}', {
          params: {
            path: { queue: 'all' },
            query: {
              hotline: hotline!.number,
              limit: 25,
              ...(which === 'open' ? { status: [...OPEN] } : { sort: 'receivedAt' as const }),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const back = (
    <Anchor
      component={Link}
      to={`..${params.toString() ? `?${params.toString()}` : ''}`}
      relative="path"
    >
      ← {t('dashboard.hotlines.back')}
    </Anchor>
  );
  if (summary.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (!hotline) {
    return (
      <Stack>
        {back}
        <Alert color="gray">{t('dashboard.hotlines.notFound')}</Alert>
      </Stack>
    );
  }
  const rows = cases.data?.pages.flatMap((p) => p.items) ?? [];
  const total = cases.data?.pages[0]?.total;

  return (
    <Stack gap="sm">
      {back}
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} size="h4">
            {hotline.name}
          </Title>
          <Text size="sm" c="gray.7">
            {hotline.displayNumber} · {hotline.ownerName} · {hotline.unitName}
          </Text>
        </div>
        <SegmentedControl
          aria-label={t('dashboard.hotlines.which')}
          value={which}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            next.set('cases', v);
            setParams(next);
          }}
          data={[
            { value: 'open', label: t('dashboard.hotlines.openCases') },
            { value: 'all', label: t('dashboard.hotlines.allCases') },
          ]}
        />
      </Group>
      {total !== undefined && (
        <Text size="sm" aria-live="polite">
          {t('dashboard.lists.count', { count: total })}
        </Text>
      )}
      {cases.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {cases.error && (
        <Alert color="red" role="alert">
          {problemOf(cases.error).message}
        </Alert>
      )}
      {cases.data && rows.length === 0 && <Text c="gray.7">{t('dashboard.hotlines.noCases')}</Text>}
      {rows.length > 0 && (
        <DataTable<QueueRow>
          caption={hotline.name}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'code',
              header: t('dashboard.columns.trackingCode'),
              cell: (r) => (
                <Anchor component={Link} to={`/cases/${r.id}`} ff="monospace" fw={600}>
                  {r.trackingCode}
                </Anchor>
              ),
            },
            {
              key: 'received',
              header: t('dashboard.columns.receivedAt'),
              cell: (r) => formatDateTime(r.receivedAt),
            },
            { key: 'excerpt', header: t('dashboard.columns.excerpt'), cell: (r) => r.excerpt },
            {
              key: 'unit',
              header: t('dashboard.columns.unit'),
              cell: (r) => unitName(r.unit?.name, t),
            },
            {
              key: 'status',
              header: t('dashboard.columns.status'),
              cell: (r) => t(`dashboard.status.${r.status}`, { defaultValue: r.status }),
            },
            {
              key: 'due',
              header: t('dashboard.columns.deadline'),
              cell: (r) => formatDateTime(r.deadlines.resolution),
            },
            {
              key: 'sla',
              header: t('dashboard.columns.sla'),
              cell: (r) => <SlaBadge state={r.slaState} />,
            },
            {
              key: 'rung',
              header: t('dashboard.columns.rung'),
              cell: (r) => (r.escalationLevel > 0 ? formatNumber(r.escalationLevel) : '—'),
              numeric: true,
            },
          ]}
        />
      )}
      {cases.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void cases.fetchNextPage()}
          loading={cases.isFetchingNextPage}
        >
          {t('dashboard.hotlines.more')}
        </Button>
      )}
    </Stack>
  );
}

import { Alert, Button, Group, Kbd, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { PageNotice } from '../../components/page-notice';
import { NotFoundPage } from '../not-found-page';
import { QueueCounts } from './queue-counts';
import { QueueFilters } from './queue-filters';
import {
  activeFilterCount,
  apiQueryOf,
  filtersOf,
  paramsOf,
  QUEUES,
  type QueueFilters as Filters,
  type QueueName,
} from './queue-params';
import { QueueList } from './queue-list';
import { BulkActions } from './bulk-actions';
import type { QueueItem } from './queue-params';
import type { QueueSelection } from './queue-table';
import contrast from '../../components/contrast.module.css';

/** /queues/:queue — mine, unit, unassigned, escalated, all. */
export function QueuePage() {
  const { queue } = useParams();
  if (!queue || !(QUEUES as readonly string[]).includes(queue)) return <NotFoundPage />;
  return <QueueView key={queue} queue={queue as QueueName} />;
}

const SEARCH_DEBOUNCE_MS = 300;

function QueueView({ queue }: { queue: QueueName }) {
  const { t } = useTranslation();
  const { me, hasRole } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const apiQuery = useMemo(() => apiQueryOf(filters, me?.official.id ?? ''), [filters, me]);
  const [showFilters, setShowFilters] = useState(() => activeFilterCount(filters) > 0);

  const update = useCallback(
    (next: Partial<Filters>, replace = false) => {
      setParams(paramsOf({ ...filters, ...next }), { replace });
    },
    [filters, setParams],
  );

  // The search box types freely; the URL (and the request) follow after a pause.
  const [search, setSearch] = useState(filters.q ?? '');
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);
  useEffect(() => {
    const q = search.trim() === '' ? null : search.trim();
    if (q === filters.q) return undefined;
    const timer = setTimeout(() => update({ q }, true), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, filters.q, update]);

  const query = useInfiniteQuery({
    queryKey: ['queue', queue, apiQuery],
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/v1/queues/{queue}', {
          params: {
            path: { queue },
            query: { ...apiQuery, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
    refetchInterval: 60_000,
  });
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const first = query.data?.pages[0];

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const needMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Ticked cases, kept with their rows as read: a case leaving the queue after a bulk action
  // still shows in its result.
  const canBulk = hasRole('unit_leader', 'supervisor', 'admin', 'operator', 'hotline_owner');
  const [selected, setSelected] = useState<ReadonlyMap<string, QueueItem>>(() => new Map());
  useEffect(() => setSelected(new Map()), [apiQuery]);
  const selection = useMemo<QueueSelection | undefined>(
    () =>
      canBulk
        ? {
            selected,
            onToggle: (id) =>
              setSelected((prev) => {
                const next = new Map(prev);
                const item = items.find((i) => i.id === id);
                if (next.has(id)) next.delete(id);
                else if (item) next.set(id, item);
                return next;
              }),
            onToggleAll: (on) => setSelected(on ? new Map(items.map((i) => [i.id, i])) : new Map()),
          }
        : undefined,
    [canBulk, selected, items],
  );

  const nFilters = activeFilterCount(filters);
  return (
    <Stack gap="sm" className={contrast.aa}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Title order={2}>{t(`queue.title.${queue}`)}</Title>
        <Text size="xs" c="gray.7" visibleFrom="sm" data-testid="queue-shortcuts">
          {t('queue.keys.label')} <Kbd>j</Kbd>/<Kbd>k</Kbd> {t('queue.keys.or')} <Kbd>↑</Kbd>/
          <Kbd>↓</Kbd> {t('queue.keys.move')} · <Kbd>Enter</Kbd> {t('queue.keys.open')} ·{' '}
          {canBulk ? (
            <>
              <Kbd>x</Kbd> {t('queue.keys.select')} ·{' '}
            </>
          ) : null}
          <Kbd>/</Kbd> {t('queue.keys.search')}
        </Text>
      </Group>
      <PageNotice />
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          ref={searchRef}
          type="search"
          label={t('queue.search.label')}
          description={t('queue.search.hint')}
          placeholder={t('queue.search.placeholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') update({ q: search.trim() || null }, true);
          }}
          maxLength={200}
          style={{ flex: 1 }}
        />
        <Button
          variant={nFilters ? 'light' : 'default'}
          onClick={() => setShowFilters((v) => !v)}
          aria-expanded={showFilters}
          aria-controls={showFilters ? 'queue-filters' : undefined}
        >
          {nFilters ? t('queue.filter.toggleCount', { count: nFilters }) : t('queue.filter.toggle')}
        </Button>
      </Group>
      {showFilters && (
        <div id="queue-filters">
          <QueueFilters
            filters={filters}
            onChange={(next) => update(next)}
            onReset={() => setParams(new URLSearchParams())}
          />
        </div>
      )}
      {first && (
        <QueueCounts
          page={first}
          filters={filters}
          shown={items.length}
          onFilter={(next) => update(next)}
        />
      )}
      {selected.size > 0 && (
        <BulkActions
          items={[...selected.values()]}
          onClear={() => setSelected(new Map())}
          onSettled={(doneIds) =>
            setSelected((prev) => {
              const next = new Map(prev);
              for (const id of doneIds) next.delete(id);
              return next;
            })
          }
        />
      )}
      {query.isError && (
        <Alert color="red" role="alert" title={t('common.error')}>
          <Button size="xs" variant="white" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      )}
      {query.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : items.length === 0 && !query.isError ? (
        <Text c="gray.7" py="lg" ta="center" data-testid="queue-empty">
          {t('queue.empty')}
        </Text>
      ) : (
        <div aria-busy={query.isFetching && query.isPlaceholderData}>
          <QueueList
            selection={selection}
            items={items}
            searchRef={searchRef}
            onNeedMore={needMore}
            resetKey={apiQuery}
          />
        </div>
      )}
      {query.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t('queue.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

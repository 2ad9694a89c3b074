import { Alert, Anchor, Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../components/charts/data-table';
import { ExportLinks } from '../../components/charts/export-links';
import { formatNumber } from '../../i18n/format';
import { useHotlineSummary, type HotlineSummary } from './dashboard-data';
import { periodQuery, type Period } from './period';
import { problemOf } from '../../components/api-errors';

type Hotline = HotlineSummary['hotlines'][number];

/**
 * The leader view: each hotline number the official may watch (his own first) with what came
 * through it in the period and what is still open; each leads to its cases.
 */
export function LeaderView({ period }: { period: Period }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = useHotlineSummary(period);
  const title = t('dashboard.hotlines.title');
  const search = params.toString() ? `?${params.toString()}` : '';
  const n = (v: number) => formatNumber(v);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <div>
          <Title order={3} size="h4">
            {title}
          </Title>
          <Text size="sm" c="gray.7">
            {t('dashboard.hotlines.help')}
          </Text>
        </div>
        <ExportLinks url={`/v1/oversight/hotlines?${periodQuery(period)}`} what={title} />
      </Group>
      {query.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {query.error && (
        <Alert color="red" role="alert">
          {problemOf(query.error).message}
        </Alert>
      )}
      {query.data && query.data.hotlines.length === 0 && (
        <Text c="gray.7">{t('dashboard.hotlines.none')}</Text>
      )}
      {query.data && query.data.hotlines.length > 0 && (
        <DataTable<Hotline>
          caption={title}
          rows={query.data.hotlines}
          rowKey={(h) => h.hotlineId}
          columns={[
            {
              key: 'name',
              header: t('dashboard.hotlines.name'),
              cell: (h) => (
                <Stack gap={2}>
                  <Anchor component={Link} to={`${h.hotlineId}${search}`} fw={600}>
                    {h.name}
                  </Anchor>
                  <Group gap={6}>
                    <Text size="sm" ff="monospace">
                      {h.displayNumber}
                    </Text>
                    {h.isMine && (
                      <Badge size="sm" color="blue.9" variant="filled">
                        {t('dashboard.hotlines.mine')}
                      </Badge>
                    )}
                    {!h.isActive && (
                      <Badge size="sm" color="gray.8" variant="filled">
                        {t('dashboard.hotlines.inactive')}
                      </Badge>
                    )}
                  </Group>
                </Stack>
              ),
            },
            { key: 'owner', header: t('dashboard.hotlines.owner'), cell: (h) => h.ownerName },
            { key: 'unit', header: t('dashboard.columns.unit'), cell: (h) => h.unitName },
            {
              key: 'received',
              header: t('dashboard.columns.received'),
              cell: (h) => n(h.received),
              numeric: true,
            },
            {
              key: 'resolved',
              header: t('dashboard.columns.resolved'),
              cell: (h) => n(h.resolved),
              numeric: true,
            },
            {
              key: 'open',
              header: t('dashboard.columns.open'),
              cell: (h) => n(h.open),
              numeric: true,
            },
            {
              key: 'overdue',
              header: t('dashboard.kpi.overdue'),
              cell: (h) => (
                <Text span c={h.overdue > 0 ? 'red.9' : undefined} fw={h.overdue > 0 ? 700 : 400}>
                  {n(h.overdue)}
                </Text>
              ),
              numeric: true,
            },
            {
              key: 'atRisk',
              header: t('dashboard.kpi.atRisk'),
              cell: (h) => n(h.atRisk),
              numeric: true,
            },
            {
              key: 'escalated',
              header: t('dashboard.columns.escalated'),
              cell: (h) => n(h.escalated),
              numeric: true,
            },
          ]}
        />
      )}
    </Stack>
  );
}

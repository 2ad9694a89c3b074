import { Anchor, Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatNumber } from '../../i18n/format';
import { percent } from './chart-format';
import { useOversightList, useUnitReport } from './dashboard-data';
import type { Period } from './period';

/** A headline figure; null while it loads. */
function Kpi({
  label,
  value,
  to,
  tone,
}: {
  label: string;
  value: string | null;
  to?: string;
  tone?: 'danger' | 'warning';
}) {
  const color = tone === 'danger' ? 'red.9' : tone === 'warning' ? 'orange.9' : 'dark.7';
  const figure =
    value === null ? (
      <Skeleton h={34} w={60} />
    ) : (
      <Text fz={28} fw={700} c={color} lh={1.2}>
        {value}
      </Text>
    );
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      {to ? (
        <Anchor component={Link} to={to} underline="hover" aria-label={`${label}: ${value ?? ''}`}>
          {figure}
        </Anchor>
      ) : (
        figure
      )}
    </Paper>
  );
}

/** Today's pressure points (lists of "now") and the period's headline figures. */
export function KpiCards({ period }: { period: Period }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const page = { limit: 1, offset: 0 };
  const overdue = useOversightList('overdue', page);
  const atRisk = useOversightList('at-risk', page);
  const escalations = useOversightList('escalations', page);
  const transferred = useOversightList('transferred', page);
  const report = useUnitReport(period);
  const total = report.data?.total;
  const search = params.toString() ? `?${params.toString()}` : '';
  const n = (q: { data?: { total: number } }) => (q.data ? formatNumber(q.data.total) : null);
  const fig = (v: string) => (total ? v : null);

  return (
    <SimpleGrid cols={{ base: 2, sm: 4, xl: 8 }} spacing="sm">
      <Kpi
        label={t('dashboard.kpi.overdue')}
        value={n(overdue)}
        tone="danger"
        to={`lists/overdue${search}`}
      />
      <Kpi
        label={t('dashboard.kpi.atRisk')}
        value={n(atRisk)}
        tone="warning"
        to={`lists/at-risk${search}`}
      />
      <Kpi
        label={t('dashboard.kpi.escalations')}
        value={n(escalations)}
        to={`lists/escalations${search}`}
      />
      <Kpi
        label={t('dashboard.kpi.transferred')}
        value={n(transferred)}
        to={`lists/transferred${search}`}
      />
      <Kpi label={t('dashboard.kpi.received')} value={fig(formatNumber(total?.received))} />
      <Kpi label={t('dashboard.kpi.resolved')} value={fig(formatNumber(total?.resolved))} />
      <Kpi label={t('dashboard.kpi.onTimeRate')} value={fig(percent(total?.onTimeRate, t))} />
      <Kpi
        label={t('dashboard.kpi.satisfaction')}
        value={fig(
          total?.satisfactionAverage == null
            ? '—'
            : `${formatNumber(total.satisfactionAverage, 2)} / 5`,
        )}
      />
    </SimpleGrid>
  );
}

import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartCard } from '../../components/charts/chart-card';
import {
  useBacklogSeries,
  useRungSeries,
  useSeries,
  useTransferFlows,
  useUnitReport,
} from './dashboard-data';
import { KpiCards } from './kpi-cards';
import { intervalFor, periodQuery, type Period } from './period';
import { backlogOverTime, receivedResolved, rungsOverTime } from './series-charts';
import { transferSankey } from './transfer-chart';
import { OnTimeRanking } from './on-time-ranking';
import { backlogByUnit, satisfactionByUnit } from './unit-charts';

/** The period at a glance: headline figures and the supervisors' charts, each exportable. */
export function Overview({ period }: { period: Period }) {
  const { t } = useTranslation();
  const units = useUnitReport(period);
  const series = useSeries(period);
  const rungs = useRungSeries(period);
  const backlog = useBacklogSeries(period);
  const transfers = useTransferFlows(period);
  const q = periodQuery(period);
  const interval = intervalFor(period);
  const rows = units.data?.rows ?? [];
  const satisfaction = units.data ? satisfactionByUnit(rows, t) : null;
  const byUnit = units.data ? backlogByUnit(rows, t) : null;
  const flows = transfers.data ? transferSankey(transfers.data, t) : null;

  return (
    <Stack gap="md">
      <KpiCards period={period} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <OnTimeRanking query={units} exportUrl={`/v1/reports/units?${q}`} />
        <ChartCard
          title={t('dashboard.charts.receivedResolved', {
            interval: t(`dashboard.per.${interval}`),
          })}
          exportUrl={`/v1/reports/series?${q}&interval=${interval}`}
          query={series}
          build={() => (series.data ? receivedResolved(series.data, t) : null)}
        />
        <ChartCard
          title={t('dashboard.charts.rungs')}
          description={t('dashboard.charts.rungsHelp')}
          exportUrl={`/v1/oversight/escalation-rungs?${q}&interval=${interval}`}
          query={rungs}
          build={() => (rungs.data ? rungsOverTime(rungs.data, t) : null)}
        />
        <ChartCard
          title={t('dashboard.charts.backlog')}
          description={t('dashboard.charts.backlogHelp')}
          exportUrl={`/v1/oversight/backlog-series?${q}&interval=${interval}`}
          query={backlog}
          build={() => (backlog.data ? backlogOverTime(backlog.data, t) : null)}
        />
        <ChartCard
          title={t('dashboard.charts.backlogByUnit')}
          exportUrl={`/v1/reports/units?${q}`}
          query={units}
          build={() => byUnit}
          height={byUnit?.height}
        />
        <ChartCard
          title={t('dashboard.charts.satisfaction')}
          description={t('dashboard.charts.satisfactionHelp')}
          exportUrl={`/v1/reports/units?${q}`}
          query={units}
          build={() => satisfaction}
          height={satisfaction?.height}
        />
        <ChartCard
          title={t('dashboard.charts.transfers')}
          description={t('dashboard.charts.transfersHelp', {
            transfers: transfers.data?.total.transfers ?? 0,
            cases: transfers.data?.total.cases ?? 0,
          })}
          exportUrl={`/v1/oversight/transfer-flows?${q}`}
          query={transfers}
          build={() => flows}
          height={flows?.height}
        />
      </SimpleGrid>
    </Stack>
  );
}

import type { TFunction } from 'i18next';
import type { ChartView } from '../../components/charts/chart-card';
import type { DataColumn } from '../../components/charts/data-table';
import { CHART_COLORS, type ChartOption } from '../../components/charts/echarts-setup';
import { formatNumber } from '../../i18n/format';
import { AGES, AXIS_LABEL, LEGEND, TOOLTIP, bucketLabel, numberColumn } from './chart-format';
import type { BacklogSeries, RungSeries, Series } from './dashboard-data';

type SeriesPoint = Series['points'][number];
type BacklogPoint = BacklogSeries['points'][number];
type RungPoint = RungSeries['points'][number];

const GRID = { left: 8, right: 16, top: 56, bottom: 24, containLabel: true };
const count = (n: number | null) => formatNumber(n);

interface TimeSeries<P> {
  interval: string;
  points: readonly P[];
}

/**
 * A chart over time: the buckets along the bottom (`boundaryGap: false` puts the points on
 * the ticks, for areas), counts up the side, the legend on top.
 */
function overTime<P extends { bucket: string }>(
  series: TimeSeries<P>,
  chart: { series: ChartOption['series']; boundaryGap?: false },
): ChartOption {
  const x = series.points.map((p) => bucketLabel(p.bucket, series.interval));
  const gap = chart.boundaryGap === false ? { boundaryGap: false } : {};
  return {
    legend: LEGEND,
    grid: GRID,
    tooltip: { ...TOOLTIP, trigger: 'axis' },
    xAxis: { type: 'category', data: x, ...gap, axisLabel: AXIS_LABEL },
    yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
    series: chart.series,
  };
}

/** The first column of every table over time: the bucket's date. */
const bucketColumn = <P extends { bucket: string }>(
  series: TimeSeries<P>,
  t: TFunction,
): DataColumn<P> => ({
  key: 'bucket',
  header: t(`dashboard.interval.${series.interval}`),
  cell: (p) => bucketLabel(p.bucket, series.interval),
});

/** Received and resolved per week (bars), and how many were resolved on time (line). */
export function receivedResolved(series: Series, t: TFunction): ChartView<SeriesPoint> {
  return {
    option: overTime(series, {
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          name: t('dashboard.columns.received'),
          itemStyle: { color: CHART_COLORS.blue },
          data: series.points.map((p) => p.received),
        },
        {
          type: 'bar',
          barMaxWidth: 28,
          name: t('dashboard.columns.resolved'),
          itemStyle: { color: CHART_COLORS.green },
          data: series.points.map((p) => p.resolved),
        },
        {
          type: 'line',
          name: t('dashboard.columns.resolvedOnTime'),
          itemStyle: { color: CHART_COLORS.gray },
          lineStyle: { type: 'dashed', width: 2 },
          symbol: 'circle',
          data: series.points.map((p) => p.resolvedOnTime),
        },
      ],
    }),
    columns: [
      bucketColumn(series, t),
      numberColumn('received', t('dashboard.columns.received'), (p) => count(p.received)),
      numberColumn('resolved', t('dashboard.columns.resolved'), (p) => count(p.resolved)),
      // No rate per bucket: the on-time rate also counts work open past its deadline at the
      // end of the period (onTimeOf), which a bucket of resolutions cannot show.
      numberColumn('onTime', t('dashboard.columns.resolvedOnTime'), (p) => count(p.resolvedOnTime)),
    ],
    rows: series.points,
    rowKey: (p) => p.bucket,
  };
}

const breaches = (p: RungPoint) =>
  p.breachesAcceptance + p.breachesFirstResponse + p.breachesResolution;

/** Escalations per rung (stacked bars) and deadline breaches (line), per week. */
export function rungsOverTime(series: RungSeries, t: TFunction): ChartView<RungPoint> {
  const rung = (key: 'rung1' | 'rung2' | 'rung3' | 'forTransfers', color: string) => ({
    type: 'bar' as const,
    barMaxWidth: 28,
    stack: 'rungs',
    // Short in the legend (the card says who each rung is); in full in the table.
    name: t(`dashboard.rungs.short.${key}`),
    itemStyle: { color },
    data: series.points.map((p) => p[key]),
  });
  return {
    option: overTime(series, {
      series: [
        rung('rung1', CHART_COLORS.orange),
        rung('rung2', CHART_COLORS.red),
        rung('rung3', CHART_COLORS.purple),
        rung('forTransfers', CHART_COLORS.brown),
        {
          type: 'line',
          name: t('dashboard.columns.breaches'),
          itemStyle: { color: CHART_COLORS.gray },
          lineStyle: { width: 2 },
          symbol: 'diamond',
          symbolSize: 8,
          data: series.points.map(breaches),
        },
      ],
    }),
    columns: [
      bucketColumn(series, t),
      numberColumn('ba', t('dashboard.columns.breachesAcceptance'), (p) =>
        count(p.breachesAcceptance),
      ),
      numberColumn('bf', t('dashboard.columns.breachesFirstResponse'), (p) =>
        count(p.breachesFirstResponse),
      ),
      numberColumn('br', t('dashboard.columns.breachesResolution'), (p) =>
        count(p.breachesResolution),
      ),
      numberColumn('r1', t('dashboard.rungs.rung1'), (p) => count(p.rung1)),
      numberColumn('r2', t('dashboard.rungs.rung2'), (p) => count(p.rung2)),
      numberColumn('r3', t('dashboard.rungs.rung3'), (p) => count(p.rung3)),
      numberColumn('tr', t('dashboard.rungs.forTransfers'), (p) => count(p.forTransfers)),
    ],
    rows: series.points,
    rowKey: (p) => p.bucket,
  };
}

/** The backlog at the end of each week, stacked by age (the latest point is now). */
export function backlogOverTime(series: BacklogSeries, t: TFunction): ChartView<BacklogPoint> {
  const counted = series.points.filter((p) => p.at !== null);
  return {
    option: overTime(series, {
      boundaryGap: false,
      series: AGES.map(([age, color]) => ({
        type: 'line' as const,
        stack: 'age',
        name: t(`dashboard.ages.${age}`),
        itemStyle: { color },
        lineStyle: { color, width: 1 },
        areaStyle: { color, opacity: 0.75 },
        symbol: 'none',
        data: series.points.map((p) => p[age]),
      })),
    }),
    columns: [
      bucketColumn(series, t),
      numberColumn('open', t('dashboard.columns.open'), (p) => count(p.open)),
      ...AGES.map(([age]) =>
        numberColumn(age, t(`dashboard.ages.${age}`), (p: BacklogPoint) => count(p[age])),
      ),
    ],
    rows: counted,
    rowKey: (p) => p.bucket,
  };
}

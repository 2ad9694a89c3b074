import type { TFunction } from 'i18next';
import type { ChartView } from '../../components/charts/chart-card';
import { CHART_COLORS } from '../../components/charts/echarts-setup';
import { formatNumber } from '../../i18n/format';
import { AXIS_LABEL, LEGEND, TOOLTIP, bucketLabel, percent } from './chart-format';
import type { BacklogSeries, RungSeries, Series } from './dashboard-data';

type SeriesPoint = Series['points'][number];
type BacklogPoint = BacklogSeries['points'][number];
type RungPoint = RungSeries['points'][number];

const GRID = { left: 8, right: 16, top: 56, bottom: 24, containLabel: true };
const count = (n: number | null) => formatNumber(n);

/** Received and resolved per week (bars), and how many were resolved on time (line). */
export function receivedResolved(series: Series, t: TFunction): ChartView<SeriesPoint> {
  const x = series.points.map((p) => bucketLabel(p.bucket, series.interval));
  return {
    option: {
      legend: LEGEND,
      grid: GRID,
      tooltip: { ...TOOLTIP, trigger: 'axis' },
      xAxis: { type: 'category', data: x, axisLabel: AXIS_LABEL },
      yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
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
    },
    columns: [
      {
        key: 'bucket',
        header: t(`dashboard.interval.${series.interval}`),
        cell: (p) => bucketLabel(p.bucket, series.interval),
      },
      {
        key: 'received',
        header: t('dashboard.columns.received'),
        cell: (p) => count(p.received),
        numeric: true,
      },
      {
        key: 'resolved',
        header: t('dashboard.columns.resolved'),
        cell: (p) => count(p.resolved),
        numeric: true,
      },
      {
        key: 'onTime',
        header: t('dashboard.columns.resolvedOnTime'),
        cell: (p) => count(p.resolvedOnTime),
        numeric: true,
      },
      {
        key: 'rate',
        header: t('dashboard.columns.onTimeRate'),
        cell: (p) => percent(p.resolved ? p.resolvedOnTime / p.resolved : null, t),
        numeric: true,
      },
    ],
    rows: series.points,
    rowKey: (p) => p.bucket,
  };
}

const breaches = (p: RungPoint) =>
  p.breachesAcceptance + p.breachesFirstResponse + p.breachesResolution;

/** Escalations per rung (stacked bars) and deadline breaches (line), per week. */
export function rungsOverTime(series: RungSeries, t: TFunction): ChartView<RungPoint> {
  const x = series.points.map((p) => bucketLabel(p.bucket, series.interval));
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
    option: {
      legend: LEGEND,
      grid: GRID,
      tooltip: { ...TOOLTIP, trigger: 'axis' },
      xAxis: { type: 'category', data: x, axisLabel: AXIS_LABEL },
      yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
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
    },
    columns: [
      {
        key: 'bucket',
        header: t(`dashboard.interval.${series.interval}`),
        cell: (p) => bucketLabel(p.bucket, series.interval),
      },
      {
        key: 'ba',
        header: t('dashboard.columns.breachesAcceptance'),
        cell: (p) => count(p.breachesAcceptance),
        numeric: true,
      },
      {
        key: 'bf',
        header: t('dashboard.columns.breachesFirstResponse'),
        cell: (p) => count(p.breachesFirstResponse),
        numeric: true,
      },
      {
        key: 'br',
        header: t('dashboard.columns.breachesResolution'),
        cell: (p) => count(p.breachesResolution),
        numeric: true,
      },
      { key: 'r1', header: t('dashboard.rungs.rung1'), cell: (p) => count(p.rung1), numeric: true },
      { key: 'r2', header: t('dashboard.rungs.rung2'), cell: (p) => count(p.rung2), numeric: true },
      { key: 'r3', header: t('dashboard.rungs.rung3'), cell: (p) => count(p.rung3), numeric: true },
      {
        key: 'tr',
        header: t('dashboard.rungs.forTransfers'),
        cell: (p) => count(p.forTransfers),
        numeric: true,
      },
    ],
    rows: series.points,
    rowKey: (p) => p.bucket,
  };
}

const AGES = [
  ['d0to2', CHART_COLORS.teal],
  ['d3to7', CHART_COLORS.blue],
  ['d8to15', CHART_COLORS.purple],
  ['d16to30', CHART_COLORS.orange],
  ['over30', CHART_COLORS.red],
] as const;

/** The backlog at the end of each week, stacked by age (the latest point is now). */
export function backlogOverTime(series: BacklogSeries, t: TFunction): ChartView<BacklogPoint> {
  const x = series.points.map((p) => bucketLabel(p.bucket, series.interval));
  const counted = series.points.filter((p) => p.at !== null);
  return {
    option: {
      legend: LEGEND,
      grid: GRID,
      tooltip: { ...TOOLTIP, trigger: 'axis' },
      xAxis: { type: 'category', data: x, boundaryGap: false, axisLabel: AXIS_LABEL },
      yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
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
    },
    columns: [
      {
        key: 'bucket',
        header: t(`dashboard.interval.${series.interval}`),
        cell: (p) => bucketLabel(p.bucket, series.interval),
      },
      {
        key: 'open',
        header: t('dashboard.columns.open'),
        cell: (p) => count(p.open),
        numeric: true,
      },
      ...AGES.map(([age]) => ({
        key: age,
        header: t(`dashboard.ages.${age}`),
        cell: (p: BacklogPoint) => count(p[age]),
        numeric: true,
      })),
    ],
    rows: counted,
    rowKey: (p) => p.bucket,
  };
}

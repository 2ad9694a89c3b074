import type { TFunction } from 'i18next';
import type { ChartView } from '../../components/charts/chart-card';
import { CHART_COLORS } from '../../components/charts/echarts-setup';
import { formatNumber } from '../../i18n/format';
import { AXIS_LABEL, LEGEND, TOOLTIP, percent, unitName } from './chart-format';
import type { UnitRow } from './dashboard-data';

type Ranked = UnitRow & { rank: number | null };

const barHeight = (n: number) => Math.max(220, n * 30 + 70);

/** Units ranked by on-time rate, as the province publishes them each month. */
export function onTimeRanking(
  rows: readonly UnitRow[],
  t: TFunction,
): ChartView<Ranked> & {
  height: number;
} {
  const rated = rows
    .filter((r) => r.onTimeRate !== null && r.resolved > 0)
    .sort((a, b) => (b.onTimeRate ?? 0) - (a.onTimeRate ?? 0) || b.resolved - a.resolved);
  const ranked: Ranked[] = [
    ...rated.map((r, i) => ({ ...r, rank: i + 1 })),
    ...rows.filter((r) => !rated.includes(r)).map((r) => ({ ...r, rank: null })),
  ];
  // Highest rank at the top of a horizontal bar chart: the axis runs bottom-up.
  const shown = [...rated].reverse();
  return {
    height: barHeight(shown.length),
    option: {
      grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
      tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { ...AXIS_LABEL, formatter: '{value}%' },
      },
      yAxis: {
        type: 'category',
        data: shown.map((r) => unitName(r.name, t)),
        axisLabel: { ...AXIS_LABEL, width: 170, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          name: t('dashboard.columns.onTimeRate'),
          data: shown.map((r) => Math.round((r.onTimeRate ?? 0) * 1000) / 10),
          itemStyle: { color: CHART_COLORS.blue },
          label: {
            show: true,
            position: 'right',
            color: '#212529',
            formatter: (p) => percent(Number(p.value) / 100, t),
          },
        },
      ],
    },
    columns: [
      {
        key: 'rank',
        header: t('dashboard.columns.rank'),
        cell: (r) => r.rank ?? '—',
        numeric: true,
      },
      { key: 'unit', header: t('dashboard.columns.unit'), cell: (r) => unitName(r.name, t) },
      {
        key: 'resolved',
        header: t('dashboard.columns.resolved'),
        cell: (r) => formatNumber(r.resolved),
        numeric: true,
      },
      {
        key: 'onTime',
        header: t('dashboard.columns.resolvedOnTime'),
        cell: (r) => formatNumber(r.resolvedOnTime),
        numeric: true,
      },
      {
        key: 'rate',
        header: t('dashboard.columns.onTimeRate'),
        cell: (r) => percent(r.onTimeRate, t),
        numeric: true,
      },
    ],
    rows: ranked,
    rowKey: (r) => r.key ?? 'none',
  };
}

/** Average rating (1–5) per unit that has ratings, best first. */
export function satisfactionByUnit(
  rows: readonly UnitRow[],
  t: TFunction,
): ChartView<UnitRow> & {
  height: number;
} {
  const rated = rows
    .filter((r) => r.ratings > 0 && r.satisfactionAverage !== null)
    .sort((a, b) => (b.satisfactionAverage ?? 0) - (a.satisfactionAverage ?? 0));
  const shown = [...rated].reverse();
  return {
    height: barHeight(shown.length),
    option: {
      grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
      tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', min: 0, max: 5, interval: 1, axisLabel: AXIS_LABEL },
      yAxis: {
        type: 'category',
        data: shown.map((r) => unitName(r.name, t)),
        axisLabel: { ...AXIS_LABEL, width: 170, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          name: t('dashboard.columns.satisfaction'),
          data: shown.map((r) => Math.round((r.satisfactionAverage ?? 0) * 100) / 100),
          itemStyle: { color: CHART_COLORS.green },
          label: {
            show: true,
            position: 'right',
            color: '#212529',
            formatter: (p) => formatNumber(Number(p.value), 2),
          },
        },
      ],
    },
    columns: [
      { key: 'unit', header: t('dashboard.columns.unit'), cell: (r) => unitName(r.name, t) },
      {
        key: 'ratings',
        header: t('dashboard.columns.ratings'),
        cell: (r) => formatNumber(r.ratings),
        numeric: true,
      },
      {
        key: 'avg',
        header: t('dashboard.columns.satisfaction'),
        cell: (r) => formatNumber(r.satisfactionAverage, 2),
        numeric: true,
      },
      {
        key: 'share',
        header: t('dashboard.columns.satisfiedShare'),
        cell: (r) => percent(r.satisfiedShare, t),
        numeric: true,
      },
    ],
    rows: rated,
    rowKey: (r) => r.key ?? 'none',
  };
}

const AGES = [
  ['d0to2', CHART_COLORS.teal],
  ['d3to7', CHART_COLORS.blue],
  ['d8to15', CHART_COLORS.purple],
  ['d16to30', CHART_COLORS.orange],
  ['over30', CHART_COLORS.red],
] as const;

/** Open cases per unit, stacked by age: where the old cases sit. */
export function backlogByUnit(
  rows: readonly UnitRow[],
  t: TFunction,
): ChartView<UnitRow> & {
  height: number;
} {
  const open = rows.filter((r) => r.openBacklog > 0).sort((a, b) => b.openBacklog - a.openBacklog);
  const shown = [...open].reverse();
  return {
    height: barHeight(shown.length) + 30,
    option: {
      legend: LEGEND,
      grid: { left: 8, right: 24, top: 56, bottom: 24, containLabel: true },
      tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
      yAxis: {
        type: 'category',
        data: shown.map((r) => unitName(r.name, t)),
        axisLabel: { ...AXIS_LABEL, width: 170, overflow: 'truncate' },
      },
      series: AGES.map(([age, color]) => ({
        type: 'bar' as const,
        barMaxWidth: 28,
        stack: 'age',
        name: t(`dashboard.ages.${age}`),
        itemStyle: { color },
        data: shown.map((r) => r.backlogAge[age]),
      })),
    },
    columns: [
      { key: 'unit', header: t('dashboard.columns.unit'), cell: (r) => unitName(r.name, t) },
      {
        key: 'open',
        header: t('dashboard.columns.open'),
        cell: (r) => formatNumber(r.openBacklog),
        numeric: true,
      },
      ...AGES.map(([age]) => ({
        key: age,
        header: t(`dashboard.ages.${age}`),
        cell: (r: UnitRow) => formatNumber(r.backlogAge[age]),
        numeric: true,
      })),
    ],
    rows: open,
    rowKey: (r) => r.key ?? 'none',
  };
}

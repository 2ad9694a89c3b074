import type { BarSeriesOption } from 'echarts/charts';
import type { TFunction } from 'i18next';
import type { ChartView } from '../../components/charts/chart-card';
import type { DataColumn } from '../../components/charts/data-table';
import { CHART_COLORS, type ChartOption } from '../../components/charts/echarts-setup';
import { formatNumber } from '../../i18n/format';
import { AGES, AXIS_LABEL, LEGEND, TOOLTIP, numberColumn, percent, unitName } from './chart-format';
import type { UnitRow } from './dashboard-data';

type UnitChart<T> = ChartView<T> & { height: number };

const barHeight = (n: number) => Math.max(220, n * 30 + 70);

/**
 * A horizontal bar chart with a bar (or a stack of bars) per unit, the first of `units` at
 * the top, and its height for that many units.
 */
function unitBars(
  units: readonly UnitRow[],
  t: TFunction,
  chart: Pick<ChartOption, 'legend' | 'xAxis'> & {
    grid: { right: number; top: number };
    series: (bottomUp: readonly UnitRow[]) => BarSeriesOption[];
  },
): { height: number; option: ChartOption } {
  // The category axis runs bottom-up: reversed, the first unit is drawn at the top.
  const bottomUp = [...units].reverse();
  const { grid, series, ...rest } = chart;
  return {
    height: barHeight(bottomUp.length),
    option: {
      ...rest,
      grid: { left: 8, bottom: 24, containLabel: true, ...grid },
      tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
      yAxis: {
        type: 'category',
        data: bottomUp.map((r) => unitName(r.name, t)),
        axisLabel: { ...AXIS_LABEL, width: 170, overflow: 'truncate' },
      },
      series: series(bottomUp),
    },
  };
}

/** Units ranked by one value, best at the top, each bar with its value written at its end. */
function rankedBars(
  ranked: readonly UnitRow[],
  t: TFunction,
  bar: Pick<ChartOption, 'xAxis'> & {
    right: number;
    name: string;
    color: string;
    value: (r: UnitRow) => number;
    label: (value: number) => string;
  },
) {
  return unitBars(ranked, t, {
    grid: { right: bar.right, top: 8 },
    xAxis: bar.xAxis,
    series: (bottomUp) => [
      {
        type: 'bar',
        barMaxWidth: 28,
        name: bar.name,
        data: bottomUp.map(bar.value),
        itemStyle: { color: bar.color },
        label: {
          show: true,
          position: 'right',
          color: '#212529',
          formatter: (p) => bar.label(Number(p.value)),
        },
      },
    ],
  });
}

/** The first column of every unit table. */
const unitColumn = (t: TFunction): DataColumn<UnitRow> => ({
  key: 'unit',
  header: t('dashboard.columns.unit'),
  cell: (r) => unitName(r.name, t),
});
const rowKey = (r: UnitRow) => r.key ?? 'none';

/** Average rating (1–5) per unit that has ratings, best first. */
export function satisfactionByUnit(rows: readonly UnitRow[], t: TFunction): UnitChart<UnitRow> {
  const rated = rows
    .filter((r) => r.ratings > 0 && r.satisfactionAverage !== null)
    .sort((a, b) => (b.satisfactionAverage ?? 0) - (a.satisfactionAverage ?? 0));
  return {
    ...rankedBars(rated, t, {
      right: 48,
      xAxis: { type: 'value', min: 0, max: 5, interval: 1, axisLabel: AXIS_LABEL },
      name: t('dashboard.columns.satisfaction'),
      color: CHART_COLORS.green,
      value: (r) => Math.round((r.satisfactionAverage ?? 0) * 100) / 100,
      label: (value) => formatNumber(value, 2),
    }),
    columns: [
      unitColumn(t),
      numberColumn('ratings', t('dashboard.columns.ratings'), (r) => formatNumber(r.ratings)),
      numberColumn('avg', t('dashboard.columns.satisfaction'), (r) =>
        formatNumber(r.satisfactionAverage, 2),
      ),
      numberColumn('share', t('dashboard.columns.satisfiedShare'), (r) =>
        percent(r.satisfiedShare, t),
      ),
    ],
    rows: rated,
    rowKey,
  };
}

/** Open cases per unit, stacked by age: where the old cases sit. */
export function backlogByUnit(rows: readonly UnitRow[], t: TFunction): UnitChart<UnitRow> {
  const open = rows.filter((r) => r.openBacklog > 0).sort((a, b) => b.openBacklog - a.openBacklog);
  const chart = unitBars(open, t, {
    legend: LEGEND,
    grid: { right: 24, top: 56 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
    series: (bottomUp) =>
      AGES.map(([age, color]) => ({
        type: 'bar' as const,
        barMaxWidth: 28,
        stack: 'age',
        name: t(`dashboard.ages.${age}`),
        itemStyle: { color },
        data: bottomUp.map((r) => r.backlogAge[age]),
      })),
  });
  return {
    // Room for the legend above the bars.
    height: chart.height + 30,
    option: chart.option,
    columns: [
      unitColumn(t),
      numberColumn('open', t('dashboard.columns.open'), (r) => formatNumber(r.openBacklog)),
      ...AGES.map(([age]) =>
        numberColumn(age, t(`dashboard.ages.${age}`), (r: UnitRow) =>
          formatNumber(r.backlogAge[age]),
        ),
      ),
    ],
    rows: open,
    rowKey,
  };
}

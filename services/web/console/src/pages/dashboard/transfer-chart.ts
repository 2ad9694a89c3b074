import type { TFunction } from 'i18next';
import type { ChartView } from '../../components/charts/chart-card';
import { CHART_COLORS } from '../../components/charts/echarts-setup';
import { formatNumber } from '../../i18n/format';
import { TOOLTIP, unitName } from './chart-format';
import type { TransferFlows } from './dashboard-data';

type Flow = TransferFlows['flows'][number];

/** Shown in the diagram; the table and the export hold every pair. */
const MAX_DRAWN = 25;

/**
 * Transfers between units as a two-column flow diagram: sending units on the left, receiving
 * units on the right (one node per side, so A → B and B → A never form a cycle).
 */
export function transferSankey(
  flows: TransferFlows,
  t: TFunction,
): ChartView<Flow> & {
  height: number;
} {
  const drawn = flows.flows.slice(0, MAX_DRAWN);
  const names = new Map<string, string>();
  for (const f of drawn) {
    names.set(`from:${f.fromUnitId}`, unitName(f.fromUnitName, t));
    names.set(`to:${f.toUnitId}`, unitName(f.toUnitName, t));
  }
  const left = new Set(drawn.map((f) => f.fromUnitId)).size;
  const right = new Set(drawn.map((f) => f.toUnitId)).size;
  return {
    height: Math.max(240, Math.max(left, right) * 44),
    option: {
      tooltip: {
        ...TOOLTIP,
        trigger: 'item',
        formatter: (p) => {
          const d = (p as { data?: unknown }).data as {
            source?: string;
            target?: string;
            value?: number;
            name?: string;
          };
          if (d.source && d.target) {
            return t('dashboard.transfers.edge', {
              from: names.get(d.source),
              to: names.get(d.target),
              count: d.value ?? 0,
            });
          }
          return names.get(d.name ?? '') ?? '';
        },
      },
      series: [
        {
          type: 'sankey',
          // Room for the names: senders' on the left, receivers' on the right.
          left: 130,
          right: 130,
          top: 8,
          bottom: 8,
          nodeAlign: 'justify',
          draggable: false,
          emphasis: { focus: 'adjacency' },
          lineStyle: { color: 'gradient', opacity: 0.45 },
          itemStyle: { color: CHART_COLORS.blue, borderColor: '#fff' },
          label: {
            color: '#212529',
            fontSize: 12,
            width: 122,
            overflow: 'truncate',
            formatter: (p) => names.get(p.name) ?? p.name,
          },
          data: [...names.keys()].map((name) => {
            const isSender = name.startsWith('from:');
            return {
              name,
              itemStyle: { color: isSender ? CHART_COLORS.orange : CHART_COLORS.blue },
              label: { position: isSender ? ('left' as const) : ('right' as const) },
            };
          }),
          links: drawn.map((f) => ({
            source: `from:${f.fromUnitId}`,
            target: `to:${f.toUnitId}`,
            value: f.transfers,
          })),
        },
      ],
    },
    columns: [
      {
        key: 'from',
        header: t('dashboard.columns.fromUnit'),
        cell: (f) => unitName(f.fromUnitName, t),
      },
      { key: 'to', header: t('dashboard.columns.toUnit'), cell: (f) => unitName(f.toUnitName, t) },
      {
        key: 'n',
        header: t('dashboard.columns.transfers'),
        cell: (f) => formatNumber(f.transfers),
        numeric: true,
      },
      {
        key: 'cases',
        header: t('dashboard.columns.cases'),
        cell: (f) => formatNumber(f.cases),
        numeric: true,
      },
    ],
    rows: flows.flows,
    rowKey: (f) => `${f.fromUnitId}>${f.toUnitId}`,
  };
}

import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { DataColumn } from '../../components/charts/data-table';
import { CHART_COLORS } from '../../components/charts/echarts-setup';
import { formatNumber } from '../../i18n/format';

/** A bucket's first date as an axis label: 02/11 for days and weeks, 11/2026 for months. */
export function bucketLabel(bucket: string, interval: string): string {
  const [y, m, d] = bucket.split('-');
  return interval === 'month' ? `${m}/${y}` : `${d}/${m}`;
}

/** A fraction as a percentage, one decimal: "97,5 %" / "97.5%". */
export function percent(rate: number | null | undefined, t: TFunction): string {
  if (rate === null || rate === undefined) return '—';
  return t('dashboard.percent', { value: formatNumber(rate * 100, 1) });
}

/** A unit's name, or the words for cases no unit holds yet. */
export const unitName = (name: string | null | undefined, t: TFunction) =>
  name ?? t('dashboard.noUnit');

/** Tooltips and axes share one look. */
export const AXIS_LABEL = { color: '#343a40', fontSize: 12, hideOverlap: true };
export const TOOLTIP = { confine: true, textStyle: { fontSize: 13 } } as const;
// One line that scrolls on a phone, rather than rows that run into the plot.
export const LEGEND = { top: 0, type: 'scroll', textStyle: { color: '#343a40' } } as const;

/** The ages of open cases, youngest first, each with its colour in stacked charts. */
export const AGES = [
  ['d0to2', CHART_COLORS.teal],
  ['d3to7', CHART_COLORS.blue],
  ['d8to15', CHART_COLORS.purple],
  ['d16to30', CHART_COLORS.orange],
  ['over30', CHART_COLORS.red],
] as const;

/** A table column of numbers (aligned right). */
export const numberColumn = <T>(
  key: string,
  header: string,
  cell: (row: T) => ReactNode,
): DataColumn<T> => ({ key, header, cell, numeric: true });

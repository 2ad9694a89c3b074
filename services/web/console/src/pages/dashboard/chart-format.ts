import type { TFunction } from 'i18next';
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

import { TIME_ZONE } from '../../i18n/format';

/** The dashboard's period choices; the period lives in the URL (`?period=…&from=…&to=…`). */
export const PRESETS = ['this-month', 'last-month', 'quarter', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

/** A period as the reports take it: local dates (Asia/Ho_Chi_Minh), `to` inclusive. */
export interface Period {
  preset: Preset;
  from: string;
  to: string;
  /** Count drills (diễn tập) too (`?drills=1`); by default the figures leave them out. */
  includeDrills?: boolean;
}

/** Whether the URL asks for drills to be counted. */
export const drillsOf = (params: URLSearchParams) => params.get('drills') === '1';

/** The report endpoints' drill parameter: only sent when drills are asked for. */
export const drillQuery = (p: { includeDrills?: boolean }) =>
  p.includeDrills ? { includeDrills: true } : {};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Today's date in the province, whatever the browser's zone. */
export function todayInProvince(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}

/** The dates of a preset, as of today. */
export function presetDates(preset: Exclude<Preset, 'custom'>, today: string) {
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'this-month':
      return { from: ymd(y, m, 1), to: ymd(y, m, lastDayOf(y, m)) };
    case 'last-month': {
      const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { from: ymd(py, pm, 1), to: ymd(py, pm, lastDayOf(py, pm)) };
    }
    case 'quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: ymd(y, first, 1), to: ymd(y, first + 2, lastDayOf(y, first + 2)) };
    }
  }
}

/** The period of the URL: a preset, or custom dates when both are valid; else this month. */
export function periodOf(params: URLSearchParams, today = todayInProvince()): Period {
  const preset = params.get('period') as Preset | null;
  const includeDrills = drillsOf(params);
  if (preset === 'custom') {
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    if (DATE.test(from) && DATE.test(to) && from <= to) return { preset, from, to, includeDrills };
  }
  const chosen = preset && preset !== 'custom' && PRESETS.includes(preset) ? preset : 'this-month';
  return { preset: chosen, ...presetDates(chosen, today), includeDrills };
}

/** The URL parameters of a period (custom dates only when custom; drills when asked). */
export function periodParams(period: Period): Record<string, string> {
  const drills: Record<string, string> = period.includeDrills ? { drills: '1' } : {};
  return period.preset === 'custom'
    ? { period: 'custom', from: period.from, to: period.to, ...drills }
    : { period: period.preset, ...drills };
}

/** Days in a period, both ends counted. */
export function daysIn(period: { from: string; to: string }): number {
  const ms = Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

/** Weeks for up to half a year, months beyond (the series stay readable). */
export const intervalFor = (period: { from: string; to: string }): 'week' | 'month' =>
  daysIn(period) > 186 ? 'month' : 'week';

/** The query string of a period for the report endpoints. */
export const periodQuery = (period: { from: string; to: string; includeDrills?: boolean }) =>
  `from=${period.from}&to=${period.to}${period.includeDrills ? '&includeDrills=true' : ''}`;

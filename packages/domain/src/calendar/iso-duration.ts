import type { SlaDuration } from './calendar.types.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
// A policy longer than ten years is a typo, and would run past the years calendars cover.
const MAX_DAYS = 3650;
const MAX_MS = MAX_DAYS * 24 * MS_PER_HOUR;

const DAYS = /^P([1-9]\d{0,5})D$/;
const TIME = /^PT(?:([1-9]\d{0,7})H)?(?:([1-9]\d{0,9})M)?(?:([1-9]\d{0,11})S)?$/;

/**
 * Parses the durations policies use: `PnD` (working days), `PTnH`, `PTnM`, `PTnHnM` (working
 * time), each n a positive integer without leading zeros; `PTnS` seconds too, which real
 * policies never need but clocks that run in seconds (tests, drills) do. Null for anything
 * else: weeks, years, fractions, zero, days with hours, lower case, more than ten years.
 */
export function parseIsoDuration(text: string): SlaDuration | null {
  const days = DAYS.exec(text);
  if (days) {
    const count = Number(days[1]);
    return count <= MAX_DAYS ? { kind: 'working_days', days: count } : null;
  }
  const time = TIME.exec(text);
  if (!time || (time[1] === undefined && time[2] === undefined && time[3] === undefined))
    return null;
  const ms =
    Number(time[1] ?? 0) * MS_PER_HOUR +
    Number(time[2] ?? 0) * MS_PER_MINUTE +
    Number(time[3] ?? 0) * 1000;
  return ms <= MAX_MS ? { kind: 'working_time', ms } : null;
}

/** The ISO 8601 text of a duration (`P3D`, `PT1H30M`); whole minutes only. */
export function formatIsoDuration(duration: SlaDuration): string {
  switch (duration.kind) {
    case 'working_days':
      return `P${duration.days}D`;
    case 'working_time': {
      const minutes = duration.ms / MS_PER_MINUTE;
      if (!Number.isInteger(minutes) || minutes <= 0) {
        throw new RangeError(`not a whole number of minutes: ${duration.ms} ms`);
      }
      const hours = Math.floor(minutes / 60);
      const rest = minutes % 60;
      return `PT${hours > 0 ? `${hours}H` : ''}${rest > 0 ? `${rest}M` : ''}`;
    }
  }
}

import { validationFailed } from '../errors.js';

/** A report's period: [from, to), instants. */
export interface Period {
  from: Date;
  to: Date;
}

export type SeriesInterval = 'day' | 'week' | 'month';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The zone's offset from UTC at an instant, in ms (Intl; no fixed +07:00 assumed). */
function offsetAt(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return wall - Math.floor(at / 60_000) * 60_000;
}

/** The local date ('YYYY-MM-DD') of an instant in a zone. */
export function localDateOf(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** The instant a local date starts in a zone. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const m = DATE_ONLY.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  let at = wall - offsetAt(wall, timeZone);
  at = wall - offsetAt(at, timeZone);
  return new Date(at);
}

/** A date moved by whole days ('YYYY-MM-DD'). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A period from the query: dates are local days in the zone (`to` inclusive: the whole day),
 * date-times are instants (`to` exclusive). 400 when missing, unreadable or empty.
 */
export function parsePeriod(from: string, to: string, timeZone: string): Period {
  const start = DATE_ONLY.test(from) ? startOfLocalDate(from, timeZone) : new Date(from);
  const end = DATE_ONLY.test(to) ? startOfLocalDate(addDays(to, 1), timeZone) : new Date(to);
  const problems = [];
  if (Number.isNaN(start.getTime())) problems.push({ field: 'from', reason: 'invalid_date' });
  if (Number.isNaN(end.getTime())) problems.push({ field: 'to', reason: 'invalid_date' });
  if (problems.length === 0 && end <= start) problems.push({ field: 'to', reason: 'before_from' });
  if (problems.length > 0) throw validationFailed(problems);
  return { from: start, to: end };
}

/** The local date starting the bucket that holds a local date. */
export function bucketOf(date: string, interval: SeriesInterval): string {
  switch (interval) {
    case 'day':
      return date;
    case 'week': {
      // ISO weeks start on Monday.
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return addDays(date, -((weekday + 6) % 7));
    }
    case 'month':
      return `${date.slice(0, 7)}-01`;
  }
}

/** The bucket after a bucket's first date. */
export function nextBucket(start: string, interval: SeriesInterval): string {
  switch (interval) {
    case 'day':
      return addDays(start, 1);
    case 'week':
      return addDays(start, 7);
    case 'month': {
      const [y, m] = start.split('-').map(Number) as [number, number];
      return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    }
  }
}

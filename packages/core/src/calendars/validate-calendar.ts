import type { CalendarBody } from '@hotline/contracts';
import type { FieldProblem } from '../errors.js';

type Interval = { start: string; end: string };

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Intervals must be increasing and disjoint within a day. */
export function intervalProblems(intervals: readonly Interval[], field: string): FieldProblem[] {
  let previousEnd = -1;
  for (const [i, iv] of intervals.entries()) {
    const start = minutes(iv.start);
    const end = minutes(iv.end);
    if (end <= start) return [{ field: `${field}.${i}`, reason: 'end_not_after_start' }];
    if (start < previousEnd)
      return [{ field: `${field}.${i}`, reason: 'overlapping_or_unordered' }];
    previousEnd = end;
  }
  return [];
}

function isTimeZone(tz: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** What the schema cannot say about a calendar body. */
export function calendarBodyProblems(body: CalendarBody): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (body.timeZone !== undefined && !isTimeZone(body.timeZone)) {
    problems.push({ field: 'timeZone', reason: 'unknown_time_zone' });
  }
  body.weekly?.forEach((day, i) => problems.push(...intervalProblems(day, `weekly.${i}`)));
  return problems;
}

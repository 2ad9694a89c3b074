import type { Pause } from './calendar.types.js';
import type { CalendarTable } from './calendar-table.js';

// Working time is measured as a running total W(t): the working milliseconds from the table's
// first day up to the instant t. W is continuous and non-decreasing, flat outside working
// intervals, so "working time between a and b" is W(b) − W(a), and a deadline is the earliest
// instant where W reaches W(start) + duration. Taking the earliest such instant is what keeps
// a deadline that lands at the end of an interval there (11:30, not 13:30).

/** W(at) for a covered instant. */
function workUpTo(table: CalendarTable, at: number): number {
  const i = table.intervalIndexAt(at);
  if (i < 0) return 0;
  const start = table.intervalStarts[i] ?? 0;
  const end = table.intervalEnds[i] ?? 0;
  return (table.workBefore[i] ?? 0) + (at < end ? at - start : end - start);
}

/** The earliest instant where W reaches `work`, for 0 < work ≤ the table's total. */
function instantOfWork(table: CalendarTable, work: number): number {
  const { workBefore } = table;
  // First k ≥ 1 with workBefore[k] ≥ work: interval k − 1 is where the total is reached.
  let low = 1;
  let high = workBefore.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((workBefore[mid] ?? 0) < work) low = mid + 1;
    else high = mid;
  }
  const i = low - 1;
  return (table.intervalStarts[i] ?? 0) + work - (workBefore[i] ?? 0);
}

/** The earliest instant with `work` > 0 working milliseconds after the covered `from`. */
function instantAfterWork(table: CalendarTable, from: number, work: number): number {
  for (;;) {
    const target = workUpTo(table, from) + work;
    if (target <= (table.workBefore[table.workBefore.length - 1] ?? 0)) {
      return instantOfWork(table, target);
    }
    table.extendForward();
  }
}

/** Pauses from `after` on as sorted, disjoint [from, to) pairs, clipped to start no earlier. */
export function normalizePauses(pauses: readonly Pause[], after: number): [number, number][] {
  const spans = pauses
    .map((pause): [number, number] => [pause.from.getTime(), pause.to.getTime()])
    .filter(([from, to]) => {
      if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('invalid pause');
      return to > from && to > after;
    })
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of spans) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([Math.max(from, after), to]);
  }
  return merged;
}

/** The deadline `ms` working milliseconds after `start`, not counting time inside pauses. */
export function addWorkingTime(
  table: CalendarTable,
  start: number,
  ms: number,
  pauses: readonly Pause[],
): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`invalid working time: ${ms} ms`);
  table.coverInstant(start);
  if (ms === 0) return start;
  let cursor = start;
  let remaining = ms;
  for (const [from, to] of pauses.length > 0 ? normalizePauses(pauses, start) : []) {
    const deadline = instantAfterWork(table, cursor, remaining);
    if (deadline <= from) return deadline;
    // The pause begins before the deadline: keep what was worked up to it, resume after it.
    remaining -= workUpTo(table, from) - workUpTo(table, cursor);
    cursor = to;
    table.coverInstant(cursor);
  }
  return instantAfterWork(table, cursor, remaining);
}

/** Working milliseconds in [a, b), not counting time inside pauses. */
export function workingTimeBetween(
  table: CalendarTable,
  a: number,
  b: number,
  pauses: readonly Pause[],
): number {
  if (!(b > a)) return 0;
  table.coverInstant(a);
  table.coverInstant(b);
  let total = workUpTo(table, b) - workUpTo(table, a);
  for (const [from, to] of pauses.length > 0 ? normalizePauses(pauses, a) : []) {
    if (from >= b) break;
    total -= workUpTo(table, Math.min(to, b)) - workUpTo(table, from);
  }
  return total;
}

/**
 * PnD: close of business of the `days`-th working day after the day of receipt, whatever the
 * hour of receipt and whether or not that day is worked. Pauses then extend the deadline by
 * the working time they hold: the result is the deadline of the equivalent working time from
 * `start` with the pauses taken out, so a pause inside the period moves the deadline by
 * exactly its working length, and one still running at the deadline carries it past its end.
 */
export function addWorkingDays(
  table: CalendarTable,
  start: number,
  days: number,
  pauses: readonly Pause[],
): number {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`invalid working days: ${days}`);
  table.coverInstant(start);
  let deadline: number;
  for (;;) {
    const receipt = table.dayIndexAt(start);
    const target = (table.workingDaysBefore[receipt + 1] ?? 0) + days - 1;
    const day = table.workingDays[target];
    if (day !== undefined) {
      deadline = table.closeOfBusiness(day);
      break;
    }
    table.extendForward();
  }
  if (pauses.length === 0) return deadline;
  return addWorkingTime(table, start, workingTimeBetween(table, start, deadline, []), pauses);
}

/**
 * PnD in calendar days: close of business of the `days`-th calendar day after the day of
 * receipt, or of the next working day when that day is off.
 */
export function addCalendarDays(table: CalendarTable, start: number, days: number): number {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`invalid days: ${days}`);
  table.coverInstant(start);
  for (;;) {
    const target = table.dayIndexAt(start) + days;
    const day = table.workingDays[table.workingDaysBefore[target] ?? Number.MAX_SAFE_INTEGER];
    if (target < table.dayCount && day !== undefined) return table.closeOfBusiness(day);
    table.extendForward();
  }
}

/** True when `at` lies inside a working interval. */
export function isWorkingInstant(table: CalendarTable, at: number): boolean {
  table.coverInstant(at);
  const i = table.intervalIndexAt(at);
  return i >= 0 && at < (table.intervalEnds[i] ?? 0);
}

import { findCalendarsOfUnits, type Database } from '@hotline/db';
import type { WorkingCalendar } from '@hotline/domain';
import { loadWorkingCalendarAt } from '../calendars/load-working-calendar.js';

/** Statuses whose resolution clock runs (awaiting the citizen pauses it; closed ones stop it). */
const RUNNING = new Set(['received', 'triaged', 'assigned', 'in_progress', 'reopened']);

interface RowClock {
  id: string;
  status: string;
  unitCode: string | null;
  resolutionDueAt: Date | null;
}

/**
 * Working time left until each row's resolution deadline (negative: overdue), counted in its
 * unit's calendar: one statement for the calendars of every unit on the page and the calendar
 * revision, then each calendar compiled at most once (and kept per process by revision).
 */
export async function remainingWorkingTimes(
  db: Database,
  rows: readonly RowClock[],
  now: Date,
): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  const timed = rows.filter((r) => r.resolutionDueAt && RUNNING.has(r.status));
  for (const r of rows) out.set(r.id, null);
  if (timed.length === 0) return out;
  const units = timed.flatMap((r) => (r.unitCode ? [r.unitCode] : []));
  const { revision, byUnitCode } = await findCalendarsOfUnits(db, units);
  const calendars = new Map<string, WorkingCalendar | null>();
  for (const id of new Set(timed.map((r) => calendarIdOf(r, byUnitCode)))) {
    calendars.set(id, await loadWorkingCalendarAt(db, id, revision));
  }
  for (const r of timed) {
    const calendar = calendars.get(calendarIdOf(r, byUnitCode));
    const due = r.resolutionDueAt!;
    if (!calendar) continue;
    out.set(
      r.id,
      due > now
        ? calendar.workingDurationBetween(now, due)
        : -calendar.workingDurationBetween(due, now),
    );
  }
  return out;
}

const calendarIdOf = (r: RowClock, byUnitCode: Map<string, string>) =>
  (r.unitCode && byUnitCode.get(r.unitCode)) || 'default';

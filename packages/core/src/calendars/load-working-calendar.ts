import { getCalendarRevision, loadCalendarChain, type Executor } from '@hotline/db';
import { compileCalendar, type WorkingCalendar } from '@hotline/domain';

// Compiled calendars per process, checked against the database's calendar revision on every
// use (one indexed read), so an administrator's change is seen at once by every process.
const compiled = new Map<string, { revision: number; calendar: WorkingCalendar }>();

/**
 * Forgets every compiled calendar. Test files that share a process (vitest.config.ts) each
 * start on a database of their own, whose revision numbers may repeat another's.
 */
export function forgetCompiledCalendars(): void {
  compiled.clear();
}

/** The working calendar with inheritance resolved; null when no such calendar exists. */
export async function loadWorkingCalendar(
  db: Executor,
  id: string,
): Promise<WorkingCalendar | null> {
  return loadWorkingCalendarAt(db, id, await getCalendarRevision(db));
}

/** The same, when the caller has read the calendar revision already (no read on a hit). */
export async function loadWorkingCalendarAt(
  db: Executor,
  id: string,
  revision: number,
): Promise<WorkingCalendar | null> {
  const hit = compiled.get(id);
  if (hit && hit.revision === revision) return hit.calendar;
  const chain = await loadCalendarChain(db, id);
  if (chain.length === 0) return null;
  const calendar = compileCalendar(chain.at(-1)!, chain.slice(0, -1));
  compiled.set(id, { revision, calendar });
  return calendar;
}

import type { CalendarList, DaysResponse, DeadlineQuery } from '@hotline/contracts';
import { listCalendarRows, type Database } from '@hotline/db';
import { formatInstant, parseInstant, parseIsoDuration } from '@hotline/domain';
import { AppError, validationFailed } from '../errors.js';
import { loadWorkingCalendar } from './load-working-calendar.js';

/** Longest range /days answers in one call. */
export const MAX_DAYS_RANGE = 366;

async function calendarOrThrow(db: Database, id: string) {
  const calendar = await loadWorkingCalendar(db, id);
  if (!calendar) throw new AppError('CALENDAR_NOT_FOUND', `no calendar "${id}"`);
  return calendar;
}

const isRealDate = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};

export async function listCalendars(deps: { db: Database }): Promise<CalendarList> {
  return { calendars: await listCalendarRows(deps.db) };
}

/** Each date of a range: worked or not, and why (weekend, holiday name, override note). */
export async function getCalendarDays(
  deps: { db: Database },
  id: string,
  from: string,
  to: string,
): Promise<DaysResponse> {
  const problems = [
    ...(isRealDate(from) ? [] : [{ field: 'from', reason: 'invalid_date' }]),
    ...(isRealDate(to) ? [] : [{ field: 'to', reason: 'invalid_date' }]),
  ];
  if (problems.length === 0) {
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    if (days < 1) problems.push({ field: 'to', reason: 'before_from' });
    else if (days > MAX_DAYS_RANGE) problems.push({ field: 'to', reason: 'range_too_long' });
  }
  if (problems.length > 0) throw validationFailed(problems);
  const calendar = await calendarOrThrow(deps.db, id);
  return {
    calendarId: id,
    timeZone: calendar.timeZone,
    days: calendar.workingDays(from, to).map((d) => ({ ...d, intervals: [...d.intervals] })),
  };
}

/** The deadline `duration` after `from` in the calendar (see DeadlineQuery for the semantics). */
export async function computeDeadline(
  deps: { db: Database },
  id: string,
  query: DeadlineQuery,
): Promise<{ deadline: string }> {
  const from = parseInstant(query.from);
  const duration = parseIsoDuration(query.duration);
  const problems = [
    ...(from ? [] : [{ field: 'from', reason: 'invalid_instant' }]),
    ...(duration ? [] : [{ field: 'duration', reason: 'invalid_duration' }]),
  ];
  if (problems.length > 0 || !from || !duration) throw validationFailed(problems);
  const calendar = await calendarOrThrow(deps.db, id);
  const deadline =
    query.unit === 'calendar'
      ? calendar.addCalendarDuration(from, duration)
      : calendar.addWorkingDuration(from, duration);
  return { deadline: formatInstant(deadline, calendar.timeZone) };
}

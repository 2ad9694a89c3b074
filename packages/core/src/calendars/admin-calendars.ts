import type { CalendarBody, CalendarDetail, OverrideBody } from '@hotline/contracts';
import {
  bumpCalendarRevision,
  countCalendarDependents,
  deleteCalendarOverride,
  deleteCalendarRow,
  findCalendarRow,
  insertCalendarRow,
  loadCalendarChain,
  updateCalendarRow,
  upsertCalendarOverride,
  type Database,
  type Executor,
} from '@hotline/db';
import type { WeeklyPattern } from '@hotline/domain';
import { audit, type AdminActor } from '../admin/admin-context.js';
import { AppError, validationFailed } from '../errors.js';
import { calendarBodyProblems, intervalProblems } from './validate-calendar.js';

export const PROVINCE_CALENDAR_ID = 'default';
const ENTITY = 'calendar';

async function checkParent(db: Executor, id: string, parentId: string | null) {
  if (parentId === null) {
    if (id !== PROVINCE_CALENDAR_ID) {
      // Every calendar descends from the province's, so holidays are defined once.
      throw validationFailed([{ field: 'parentId', reason: 'required_except_for_default' }]);
    }
    return;
  }
  if (id === PROVINCE_CALENDAR_ID) {
    throw validationFailed([{ field: 'parentId', reason: 'default_has_no_parent' }]);
  }
  const chain = await loadCalendarChain(db, parentId);
  if (chain.length === 0)
    throw validationFailed([{ field: 'parentId', reason: 'unknown_calendar' }]);
  if (chain.some((c) => c.id === id))
    throw validationFailed([{ field: 'parentId', reason: 'cycle' }]);
}

const toRow = (body: CalendarBody) => ({
  name: body.name,
  parentId: body.parentId ?? null,
  timeZone: body.timeZone ?? null,
  // The schema guarantees seven days.
  weekly: (body.weekly as WeeklyPattern | undefined) ?? null,
  holidays: body.holidays ?? null,
});

/** A calendar with its own settings and overrides (not the inherited ones). */
export async function getCalendarDetail(
  deps: { db: Database },
  id: string,
): Promise<CalendarDetail> {
  return detailOf(deps.db, id);
}

async function detailOf(db: Executor, id: string): Promise<CalendarDetail> {
  const row = await findCalendarRow(db, id);
  if (!row) throw new AppError('CALENDAR_NOT_FOUND', `no calendar "${id}"`);
  const own = (await loadCalendarChain(db, id)).at(-1);
  return {
    id: row.id,
    name: row.name,
    parentId: row.parentId,
    timeZone: row.timeZone,
    weekly: row.weekly ? row.weekly.map((d) => [...d]) : null,
    holidays: row.holidays,
    overrides: (own?.overrides ?? []).map(({ intervals, ...o }) => ({
      ...o,
      ...(intervals ? { intervals: [...intervals] } : {}),
    })),
  };
}

export async function createCalendar(
  deps: { db: Database },
  id: string,
  body: CalendarBody,
  by: AdminActor,
): Promise<CalendarDetail> {
  const problems = calendarBodyProblems(body);
  if (problems.length > 0) throw validationFailed(problems);
  return deps.db.transaction(async (tx) => {
    if (await findCalendarRow(tx, id))
      throw new AppError('CONFLICT', `calendar "${id}" already exists`);
    await checkParent(tx, id, body.parentId ?? null);
    await insertCalendarRow(tx, id, toRow(body));
    await bumpCalendarRevision(tx);
    const after = await detailOf(tx, id);
    await audit(tx, by, 'calendar.create', ENTITY, id, null, after);
    return after;
  });
}

export async function replaceCalendar(
  deps: { db: Database },
  id: string,
  body: CalendarBody,
  by: AdminActor,
): Promise<CalendarDetail> {
  const problems = calendarBodyProblems(body);
  if (problems.length > 0) throw validationFailed(problems);
  return deps.db.transaction(async (tx) => {
    await checkParent(tx, id, body.parentId ?? null);
    const before = await detailOf(tx, id);
    if (!(await updateCalendarRow(tx, id, toRow(body)))) {
      throw new AppError('CALENDAR_NOT_FOUND', `no calendar "${id}"`);
    }
    await bumpCalendarRevision(tx);
    const after = await detailOf(tx, id);
    await audit(tx, by, 'calendar.replace', ENTITY, id, before, after);
    return after;
  });
}

export async function deleteCalendar(deps: { db: Database }, id: string, by: AdminActor) {
  if (id === PROVINCE_CALENDAR_ID)
    throw new AppError('CONFLICT', 'the province calendar cannot be deleted');
  await deps.db.transaction(async (tx) => {
    const dependents = await countCalendarDependents(tx, id);
    if (dependents > 0) {
      throw new AppError(
        'CONFLICT',
        `calendar "${id}" is used by ${dependents} calendar(s) or unit(s)`,
      );
    }
    const before = await detailOf(tx, id);
    if (!(await deleteCalendarRow(tx, id)))
      throw new AppError('CALENDAR_NOT_FOUND', `no calendar "${id}"`);
    await bumpCalendarRevision(tx);
    await audit(tx, by, 'calendar.delete', ENTITY, id, before, null);
  });
}

/** The calendar's own override of a date; null when there is none (or no such calendar). */
async function overrideOf(db: Executor, id: string, date: string) {
  const own = (await loadCalendarChain(db, id)).find((c) => c.id === id);
  return own?.overrides?.find((o) => o.date === date) ?? null;
}

/** Sets (or replaces) the override of one date. */
export async function setCalendarOverride(
  deps: { db: Database },
  id: string,
  date: string,
  body: OverrideBody,
  by: AdminActor,
) {
  const problems = [
    ...(Number.isNaN(Date.parse(`${date}T00:00:00Z`))
      ? [{ field: 'date', reason: 'invalid_date' }]
      : []),
    ...(body.intervals ? intervalProblems(body.intervals, 'intervals') : []),
    ...(body.kind === 'day_off' && body.intervals
      ? [{ field: 'intervals', reason: 'only_for_working' }]
      : []),
  ];
  if (problems.length > 0) throw validationFailed(problems);
  await deps.db.transaction(async (tx) => {
    if (!(await findCalendarRow(tx, id)))
      throw new AppError('CALENDAR_NOT_FOUND', `no calendar "${id}"`);
    const before = await overrideOf(tx, id, date);
    await upsertCalendarOverride(tx, id, { date, ...body });
    await bumpCalendarRevision(tx);
    const after = await overrideOf(tx, id, date);
    await audit(tx, by, 'calendar.override_set', ENTITY, id, before, after);
  });
  return { date, ...body };
}

export async function removeCalendarOverride(
  deps: { db: Database },
  id: string,
  date: string,
  by: AdminActor,
) {
  await deps.db.transaction(async (tx) => {
    const before = await overrideOf(tx, id, date);
    if (!before || !(await deleteCalendarOverride(tx, id, date))) {
      throw new AppError('OVERRIDE_NOT_FOUND', `calendar "${id}" has no override on ${date}`);
    }
    await bumpCalendarRevision(tx);
    await audit(tx, by, 'calendar.override_remove', ENTITY, id, before, null);
  });
}

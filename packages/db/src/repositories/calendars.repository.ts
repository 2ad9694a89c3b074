import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { CalendarOverride, CalendarSpec } from '@hotline/domain';
import type { Executor } from '../client.js';
import { calendarOverrides, calendarRevision, calendars } from '../schema/index.js';

export type CalendarRow = typeof calendars.$inferSelect;

export async function listCalendarRows(db: Executor) {
  return db
    .select({ id: calendars.id, name: calendars.name, parentId: calendars.parentId })
    .from(calendars)
    .orderBy(asc(calendars.id));
}

export async function findCalendarRow(db: Executor, id: string): Promise<CalendarRow | null> {
  const [row] = await db.select().from(calendars).where(eq(calendars.id, id));
  return row ?? null;
}

/**
 * The calendar and its ancestors, root first, each with its overrides: what the domain
 * compiles into a working calendar. Empty when the calendar does not exist.
 */
export async function loadCalendarChain(db: Executor, id: string): Promise<CalendarSpec[]> {
  const chain = await db.execute<{ id: string; depth: number }>(sql`
    with recursive up as (
      select id, parent_id, 0 as depth from calendars where id = ${id}
      union all
      select c.id, c.parent_id, up.depth + 1 from calendars c join up on c.id = up.parent_id
      where up.depth < 32
    )
    select id, depth from up`);
  if (chain.length === 0) return [];
  const ids = chain.map((r) => r.id);
  const rows = await db.select().from(calendars).where(inArray(calendars.id, ids));
  const overrides = await db
    .select()
    .from(calendarOverrides)
    .where(inArray(calendarOverrides.calendarId, ids))
    .orderBy(asc(calendarOverrides.date));
  const depth = new Map(chain.map((r) => [r.id, Number(r.depth)]));
  return rows
    .sort((a, b) => (depth.get(b.id) ?? 0) - (depth.get(a.id) ?? 0))
    .map((r) => ({
      id: r.id,
      name: r.name,
      parentId: r.parentId,
      ...(r.timeZone ? { timeZone: r.timeZone } : {}),
      ...(r.weekly ? { weekly: r.weekly } : {}),
      ...(r.holidays ? { holidays: r.holidays } : {}),
      overrides: overrides
        .filter((o) => o.calendarId === r.id)
        .map((o): CalendarOverride => ({
          date: o.date,
          kind: o.kind,
          note: o.note,
          ...(o.intervals ? { intervals: o.intervals } : {}),
        })),
    }));
}

/** The global calendar revision (see the calendar_revision table). */
export async function getCalendarRevision(db: Executor): Promise<number> {
  const [row] = await db.select({ r: calendarRevision.revision }).from(calendarRevision);
  return row?.r ?? 0;
}

export async function bumpCalendarRevision(tx: Executor): Promise<void> {
  await tx
    .insert(calendarRevision)
    .values({ id: true, revision: 1 })
    .onConflictDoUpdate({
      target: calendarRevision.id,
      set: { revision: sql`${calendarRevision.revision} + 1` },
    });
}

export type CalendarWrite = Pick<
  typeof calendars.$inferInsert,
  'name' | 'parentId' | 'timeZone' | 'weekly' | 'holidays'
>;

export async function insertCalendarRow(tx: Executor, id: string, values: CalendarWrite) {
  await tx.insert(calendars).values({ id, ...values });
}

export async function updateCalendarRow(tx: Executor, id: string, values: CalendarWrite) {
  const rows = await tx
    .update(calendars)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(calendars.id, id))
    .returning({ id: calendars.id });
  return rows.length > 0;
}

export async function deleteCalendarRow(tx: Executor, id: string) {
  const rows = await tx
    .delete(calendars)
    .where(eq(calendars.id, id))
    .returning({ id: calendars.id });
  return rows.length > 0;
}

/** How many calendars and units depend on this calendar (a delete must wait for none). */
export async function countCalendarDependents(db: Executor, id: string): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`
    select (select count(*) from calendars where parent_id = ${id})
         + (select count(*) from admin_units where calendar_id = ${id}) as n`);
  return Number(row?.n ?? 0);
}

export async function upsertCalendarOverride(
  tx: Executor,
  calendarId: string,
  o: CalendarOverride,
) {
  const values = {
    calendarId,
    date: o.date,
    kind: o.kind,
    note: o.note,
    intervals: o.intervals ? [...o.intervals] : null,
    updatedAt: new Date(),
  };
  await tx
    .insert(calendarOverrides)
    .values(values)
    .onConflictDoUpdate({
      target: [calendarOverrides.calendarId, calendarOverrides.date],
      set: values,
    });
}

export async function deleteCalendarOverride(tx: Executor, calendarId: string, date: string) {
  const rows = await tx
    .delete(calendarOverrides)
    .where(
      sql`${calendarOverrides.calendarId} = ${calendarId} and ${calendarOverrides.date} = ${date}`,
    )
    .returning({ date: calendarOverrides.date });
  return rows.length > 0;
}

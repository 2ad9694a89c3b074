import { sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '@hotline/domain';
import type { Executor } from '../client.js';

// Written out, not bound: the planner can only use the partial index on the timers' minutes
// when it sees that the query's statuses are the index's own.
const OPEN = sql.raw(`(${[...OPEN_STATUSES].map((s) => `'${s}'`).join(', ')})`);

const MINUTE_MS = 60_000;

/** Longest due window the incremental reconcile asks for (a week of minutes); wider → full pass. */
export const MAX_DUE_WINDOW_MS = 7 * 24 * 60 * MINUTE_MS;

/**
 * An open case (of `cases`) with a timer in the minutes from `from` through `through`, as the
 * partial GIN index on the open cases' timer minutes answers it: whole minutes, so a few more
 * than asked.
 */
function hasTimerInMinutes(from: Date, through: Date) {
  const first = Math.floor(from.getTime() / MINUTE_MS);
  const last = Math.floor(through.getTime() / MINUTE_MS);
  if (last - first > MAX_DUE_WINDOW_MS / MINUTE_MS) throw new Error('due window too wide');
  return sql`hotline_timer_minutes(sla_timers) && array(select generate_series(${first}::int, ${last}::int))
    and status in ${OPEN} and sla_timers is not null`;
}

/**
 * Open cases whose timers may need adding again: those changed since `changedSince` (their
 * events, read through the events' time index) and those with a timer due between `dueFrom`
 * and `dueUntil` (through the GIN index on the minutes of their timers; whole minutes, so a
 * few more than asked). Every timer of each such case is returned.
 */
export async function listCaseTimersChangedOrDue(
  db: Executor,
  window: { changedSince: Date; dueFrom: Date; dueUntil: Date },
) {
  return db.execute<{
    id: string;
    deadline_generation: number;
    sla_timers: { kind: string; at: string }[];
    is_due: boolean;
  }>(sql`
    with due as (
      select id from cases where ${hasTimerInMinutes(window.dueFrom, window.dueUntil)}
    ), changed as (
      select distinct case_id as id from case_events
      where occurred_at >= ${window.changedSince.toISOString()}::timestamptz
    ), picked as (
      select id, bool_or(is_due) as is_due
      from (select id, true as is_due from due union all select id, false from changed) x
      group by id
    )
    select c.id, c.deadline_generation, c.sla_timers, p.is_due
    from picked p join cases c on c.id = p.id
    where c.status in ${OPEN} and c.sla_timers is not null`);
}

/** Cases received and not routed yet (their routing job may be lost with Redis). */
export async function listUnroutedCaseIds(db: Executor): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(
    sql`select id from cases where status = 'received' and unit_id is null`,
  );
  return rows.map((r) => r.id);
}

/**
 * Notifications not sent yet and not given up on, including those between tries (their send
 * job, and its retries, may be lost with Redis).
 */
export async function listUnsentNotificationIds(db: Executor): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(
    sql`select id from notifications where status in ('pending', 'failed')`,
  );
  return rows.map((r) => r.id);
}

/**
 * The timers of open cases due in [from, until), with their case's current generation (the
 * timers stored are always the current generation's), found through the GIN index on the
 * minutes of the timers.
 */
export async function listTimersDueIn(db: Executor, from: Date, until: Date) {
  return db.execute<{ id: string; deadline_generation: number; kind: string; at: string }>(sql`
    select c.id, c.deadline_generation, t->>'kind' as kind, t->>'at' as at
    from cases c, jsonb_array_elements(c.sla_timers) t
    where ${hasTimerInMinutes(from, new Date(until.getTime() - 1))}
      and (t->>'at')::timestamptz >= ${from.toISOString()}::timestamptz
      and (t->>'at')::timestamptz < ${until.toISOString()}::timestamptz`);
}

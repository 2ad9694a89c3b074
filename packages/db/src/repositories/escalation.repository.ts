import { sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '@hotline/domain';
import type { Executor } from '../client.js';

/** A unit's leader: an active official with the unit_leader role, present ones first. */
export async function findUnitLeader(db: Executor, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const rows = await db.execute<{ id: string }>(sql`
    select id from officials
    where unit_id = ${unitId} and is_active and 'unit_leader' = any(roles)
    order by is_absent, id limit 1`);
  return rows[0]?.id ?? null;
}

/**
 * Who each escalation rung goes to: the case unit's leader, the parent unit's leader, and the
 * owner of the hotline the case came through (else the province's leader).
 */
export async function findEscalationTargets(
  db: Executor,
  unitId: string | null,
  hotlineId: string | null,
) {
  // Two round trips, not six: a storm of deadlines reads these for each batch.
  const [[parent], [root], [owner]] = await Promise.all([
    unitId
      ? db.execute<{ parent_id: string | null }>(
          sql`select parent_id from admin_units where id = ${unitId}`,
        )
      : [],
    db.execute<{ id: string }>(
      sql`select id from admin_units where parent_id is null order by created_at limit 1`,
    ),
    hotlineId
      ? db.execute<{ owner_official_id: string; unit_id: string }>(
          sql`select owner_official_id, unit_id from hotlines where id = ${hotlineId}`,
        )
      : [],
  ]);
  const parentId = parent?.parent_id ?? null;
  const rootId = root?.id ?? null;
  const [unitLeader, parentLeader, rootLeader] = await Promise.all([
    findUnitLeader(db, unitId),
    findUnitLeader(db, parentId),
    owner ? null : findUnitLeader(db, rootId),
  ]);
  return [
    { officialId: unitLeader, unitId },
    { officialId: parentLeader, unitId: parentId },
    owner
      ? { officialId: owner.owner_official_id, unitId: owner.unit_id }
      : { officialId: rootLeader, unitId: rootId },
  ] as const;
}

/** What firing timers check before anything else, for several cases in one read. */
export async function findCaseTimerStates(
  db: Executor,
  caseIds: readonly string[],
): Promise<
  Map<string, { deadlineGeneration: number; unitId: string | null; hotlineId: string | null }>
> {
  if (caseIds.length === 0) return new Map();
  const rows = await db.execute<{
    id: string;
    deadline_generation: number;
    unit_id: string | null;
    hotline_id: string | null;
  }>(sql`
    select id, deadline_generation, unit_id, hotline_id from cases
    where id = any(${`{${caseIds.join(',')}}`}::uuid[])`);
  return new Map(
    rows.map((r) => [
      r.id,
      { deadlineGeneration: r.deadline_generation, unitId: r.unit_id, hotlineId: r.hotline_id },
    ]),
  );
}

/** Open cases with their stored timers, in id order after `afterId` (reconcile's pages). */
export async function listOpenCaseTimers(db: Executor, afterId: string | null, limit: number) {
  return db.execute<{
    id: string;
    deadline_generation: number;
    sla_timers: { kind: string; at: string }[];
  }>(sql`
    select id, deadline_generation, sla_timers from cases
    where status in (${sql.join(
      [...OPEN_STATUSES].map((s) => sql`${s}::case_status`),
      sql`, `,
    )})
      and sla_timers is not null
      and (${afterId}::uuid is null or id > ${afterId}::uuid)
    order by id limit ${limit}`);
}

/** The nearest unit that all the given units are in (themselves included). */
export async function findCommonAncestor(
  db: Executor,
  unitIds: readonly string[],
): Promise<string | null> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return null;
  const rows = await db.execute<{ id: string }>(sql`
    with recursive up as (
      select id as start, id, parent_id, 0 as depth from admin_units
      where id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      union all
      select up.start, u.id, u.parent_id, up.depth + 1
      from admin_units u join up on u.id = up.parent_id where up.depth < 32
    )
    select id from up group by id having count(distinct start) = ${ids.length}
    order by max(depth) limit 1`);
  return rows[0]?.id ?? null;
}

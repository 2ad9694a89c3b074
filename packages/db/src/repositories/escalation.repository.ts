import { sql } from 'drizzle-orm';
import { OPEN_STATUSES, type EscalationOrg, type UnitLeader } from '@hotline/domain';
import type { Executor } from '../client.js';

/**
 * The organisation around a case that its escalation ladder is chosen from (the domain's
 * `escalationLadder` chooses): its unit and the units above, the province, the leaders of
 * those units, and the owner of the hotline it came through. One round trip: a storm of
 * deadlines reads this for each batch.
 */
export async function findEscalationOrg(
  db: Executor,
  unitId: string | null,
  hotlineId: string | null,
): Promise<EscalationOrg> {
  const [row] = await db.execute<{
    chain: string[];
    root_id: string | null;
    leaders: UnitLeader[];
    owner: EscalationOrg['hotlineOwner'];
  }>(sql`
    with recursive chain as (
      select id, parent_id, 0 as depth from admin_units where id = ${unitId}::uuid
      union all
      select u.id, u.parent_id, c.depth + 1
      from admin_units u join chain c on u.id = c.parent_id where c.depth < 32
    ),
    root as (select id from admin_units where parent_id is null order by created_at limit 1)
    select
      coalesce((select json_agg(id order by depth) from chain), '[]') as chain,
      (select id from root) as root_id,
      coalesce((
        select json_agg(json_build_object(
          'officialId', o.id, 'unitId', o.unit_id,
          'isActive', o.is_active, 'isAbsent', o.is_absent))
        from officials o
        where 'unit_leader' = any(o.roles)
          and (o.unit_id in (select id from chain) or o.unit_id = (select id from root))
      ), '[]') as leaders,
      (
        select json_build_object(
          'officialId', o.id, 'unitId', h.unit_id, 'isActive', o.is_active)
        from hotlines h join officials o on o.id = h.owner_official_id
        where h.id = ${hotlineId}::uuid
      ) as owner`);
  return {
    unitChain: row?.chain ?? [],
    rootUnitId: row?.root_id ?? null,
    leaders: row?.leaders ?? [],
    hotlineOwner: row?.owner ?? null,
  };
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

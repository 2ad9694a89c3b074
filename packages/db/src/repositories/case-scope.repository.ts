import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { cases, hotlines } from '../schema/index.js';

/**
 * Which cases an official may see: all of them, or those held by some units or that came
 * through some hotlines. Built once per request (see scopeOfOfficial in core) and applied in
 * every query that reads cases for an official, so scope is enforced where the data is read.
 */
export type CaseScope =
  { kind: 'all' } | { kind: 'some'; unitIds: readonly string[]; hotlineIds: readonly string[] };

/** The SQL condition on `cases` for a scope (false when the scope is empty). */
export function caseScopeCondition(scope: CaseScope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const parts: SQL[] = [];
  if (scope.unitIds.length > 0) {
    parts.push(sql`${cases.unitId} = any(${`{${scope.unitIds.join(',')}}`}::uuid[])`);
  }
  if (scope.hotlineIds.length > 0) {
    parts.push(sql`${cases.hotlineId} = any(${`{${scope.hotlineIds.join(',')}}`}::uuid[])`);
  }
  return parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` or `)})`;
}

/** A unit and every unit below it. */
export async function findUnitSubtreeIds(db: Executor, unitId: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    with recursive down as (
      select id, 0 as depth from admin_units where id = ${unitId}
      union all
      select u.id, down.depth + 1 from admin_units u join down on u.parent_id = down.id
      where down.depth < 32
    )
    select id from down`);
  return rows.map((r) => r.id);
}

/** The hotlines an official owns (a leader's published number). */
export async function findOwnedHotlineIds(db: Executor, officialId: string): Promise<string[]> {
  const rows = await db
    .select({ id: hotlines.id })
    .from(hotlines)
    .where(eq(hotlines.ownerOfficialId, officialId));
  return rows.map((r) => r.id);
}

/**
 * A unit's subtree and an official's hotlines in one read (either may be skipped with null):
 * the scope of a unit leader who also owns a hotline costs one round trip, not two.
 */
export async function findScopeIds(
  db: Executor,
  of: { subtreeOf: string | null; hotlinesOf: string | null },
): Promise<{ unitIds: string[]; hotlineIds: string[] }> {
  const rows = await db.execute<{ unit_ids: string[] | null; hotline_ids: string[] | null }>(sql`
    with recursive down as (
      select id, 0 as depth from admin_units where id = ${of.subtreeOf}::uuid
      union all
      select u.id, down.depth + 1 from admin_units u join down on u.parent_id = down.id
      where down.depth < 32
    )
    select (select array_agg(id) from down) as unit_ids,
      (select array_agg(id) from hotlines where owner_official_id = ${of.hotlinesOf}::uuid)
        as hotline_ids`);
  return { unitIds: rows[0]?.unit_ids ?? [], hotlineIds: rows[0]?.hotline_ids ?? [] };
}

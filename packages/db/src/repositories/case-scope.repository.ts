import { eq, sql, type SQL } from 'drizzle-orm';
import type { CaseAccessScope } from '@hotline/domain';
import type { Executor } from '../client.js';
import { cases, hotlines, officials } from '../schema/index.js';

/**
 * Which cases an official may see, as the access module computed it (caseScopeOf in the
 * domain, caseScopeFor in core): all of them, or those held by some units or that came through
 * some hotlines. Built once per request and applied in every query that reads cases for an
 * official, so scope is enforced where the data is read; queries never decide it themselves.
 */
export type CaseScope = CaseAccessScope & {
  /** Report and oversight reads only: drills (see drill-filter.ts) are left out unless true. */
  includeDrills?: boolean;
};

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

/**
 * caseScopeCondition for a statement built once (see prepared.ts): the scope's kind shapes the
 * statement, its ids are the placeholders `scopeUnitIds` and `scopeHotlineIds`
 * (scopePlaceholderValues). An empty list matches nothing, as above.
 */
export function caseScopePlaceholders(kind: CaseScope['kind']): SQL {
  if (kind === 'all') return sql`true`;
  return sql`(${cases.unitId} = any(${sql.placeholder('scopeUnitIds')}::uuid[])
    or ${cases.hotlineId} = any(${sql.placeholder('scopeHotlineIds')}::uuid[]))`;
}

/** The values of caseScopePlaceholders's placeholders. */
export function scopePlaceholderValues(scope: CaseScope): Record<string, string> {
  if (scope.kind === 'all') return {};
  return {
    scopeUnitIds: `{${scope.unitIds.join(',')}}`,
    scopeHotlineIds: `{${scope.hotlineIds.join(',')}}`,
  };
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

/**
 * Columns for a query on `officials` that also reads what the official's scope needs (the
 * subtree of a unit leader's unit, a hotline owner's hotlines; null for other roles), so the
 * read that authenticates a request also scopes it: one round trip fewer on every request
 * (bench:officials).
 */
export const officialScopeColumns = {
  scopeUnitIds: sql<string[] | null>`case when 'unit_leader' = any(${officials.roles}) then (
      with recursive down as (
        select id, 0 as depth from admin_units where id = ${officials.unitId}
        union all
        select u.id, down.depth + 1 from admin_units u join down on u.parent_id = down.id
        where down.depth < 32
      )
      select array_agg(id) from down) end`,
  scopeHotlineIds: sql<string[] | null>`case when 'hotline_owner' = any(${officials.roles}) then
      coalesce((select array_agg(h.id) from hotlines h where h.owner_official_id = ${officials.id}), '{}') end`,
};

import { sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { openStatusList } from './oversight-chart-scope.js';

/**
 * What merging a unit would move (see mergeUnits): its officials, hotlines, child units, the
 * routing rules that target it or name it in a location condition, and its open cases.
 */
export async function countUnitMergeContents(db: Executor, unitId: string) {
  const [row] = await db.execute<{
    officials: number;
    hotlines: number;
    child_units: number;
    routing_rules: number;
    open_cases: number;
  }>(sql`
    select
      (select count(*) from officials where unit_id = ${unitId}::uuid)::int as officials,
      (select count(*) from hotlines where unit_id = ${unitId}::uuid)::int as hotlines,
      (select count(*) from admin_units where parent_id = ${unitId}::uuid)::int as child_units,
      (select count(*) from routing_rules r where r.target_unit_id = ${unitId}::uuid
        or coalesce(r.conditions->'locationUnitIds', '[]'::jsonb) ? ${unitId})::int as routing_rules,
      (select count(*) from cases where unit_id = ${unitId}::uuid
        and status in (${openStatusList()}))::int as open_cases`);
  return {
    officials: row?.officials ?? 0,
    hotlines: row?.hotlines ?? 0,
    childUnits: row?.child_units ?? 0,
    routingRules: row?.routing_rules ?? 0,
    openCases: row?.open_cases ?? 0,
  };
}

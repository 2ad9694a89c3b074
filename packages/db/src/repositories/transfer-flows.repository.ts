import { sql, type SQL } from 'drizzle-orm';
import type { Lang } from '@hotline/domain';
import { plannedEachTime, type Executor } from '../client.js';
import { nameInLang } from './name-in-lang.js';
import type { CaseScope } from './case-scope.repository.js';
import { caseInScope, uuidArray } from './oversight-chart-scope.js';

/** Transfers from one unit to another in a period. */
export type TransferFlowRow = {
  from_unit_id: string;
  from_unit_name: string | null;
  to_unit_id: string;
  to_unit_name: string | null;
  transfers: number;
  cases: number;
};

/** At most this many unit pairs (the busiest): a chart of more says nothing. */
export const MAX_TRANSFER_FLOWS = 500;

const FROM_UNIT = sql`(e.payload->>'fromUnitId')::uuid`;
const TO_UNIT = sql`(e.payload->>'toUnitId')::uuid`;

/**
 * The transfers (alias `e`) a scope sees: those of its cases, and for a scope of some units
 * also those out of and into its units (the case may now sit elsewhere: the transfer itself
 * is its units' business).
 */
function visibleTransfer(scope: CaseScope): SQL {
  if (scope.kind === 'all' || scope.unitIds.length === 0) return caseInScope(sql`e.case_id`, scope);
  const units = uuidArray(scope.unitIds);
  return sql`(${caseInScope(sql`e.case_id`, scope)} or ${FROM_UNIT} = any(${units})
    or ${TO_UNIT} = any(${units}))`;
}

/**
 * `transferred` events in [from, to) grouped by (from unit, to unit), busiest first.
 */
export async function listTransferFlows(
  db: Executor,
  scope: CaseScope,
  period: { from: Date; to: Date; lang?: Lang },
): Promise<TransferFlowRow[]> {
  const lang = period.lang ?? 'vi';
  const rows = await plannedEachTime(db).execute<TransferFlowRow>(sql`
    select e.payload->>'fromUnitId' as from_unit_id,
      ${nameInLang(lang, sql`fu.name`, sql`fu.name_en`)} as from_unit_name,
      e.payload->>'toUnitId' as to_unit_id,
      ${nameInLang(lang, sql`tu.name`, sql`tu.name_en`)} as to_unit_name,
      count(*)::int as transfers, count(distinct e.case_id)::int as cases
    from case_events e
    left join admin_units fu on fu.id = ${FROM_UNIT}
    left join admin_units tu on tu.id = ${TO_UNIT}
    where e.type = 'transferred'
      and e.occurred_at >= ${period.from.toISOString()}::timestamptz
      and e.occurred_at < ${period.to.toISOString()}::timestamptz
      and ${visibleTransfer(scope)}
    group by 1, 2, 3, 4
    order by transfers desc, cases desc, from_unit_name, to_unit_name
    limit ${MAX_TRANSFER_FLOWS}`);
  return [...rows];
}

/** Transfers and distinct cases in the period, over the same rows as the flows. */
export async function countTransfers(
  db: Executor,
  scope: CaseScope,
  period: { from: Date; to: Date },
): Promise<{ transfers: number; cases: number }> {
  const [row] = await plannedEachTime(db).execute<{ transfers: number; cases: number }>(sql`
    select count(*)::int as transfers, count(distinct e.case_id)::int as cases
    from case_events e
    where e.type = 'transferred'
      and e.occurred_at >= ${period.from.toISOString()}::timestamptz
      and e.occurred_at < ${period.to.toISOString()}::timestamptz
      and ${visibleTransfer(scope)}`);
  return { transfers: row?.transfers ?? 0, cases: row?.cases ?? 0 };
}

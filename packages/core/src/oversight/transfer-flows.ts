import type { TransferFlowsResponse } from '@hotline/contracts';
import { countTransfers, listTransferFlows, type Database } from '@hotline/db';
import type { Lang } from '@hotline/domain';
import { requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { reportScopeOf, type DrillOption } from '../reports/report-scope.js';
import { parsePeriod } from './chart-buckets.js';

/**
 * Transfers between units in the period ("đùn đẩy": who passes cases to whom), busiest pairs
 * first, within the official's scope.
 */
export async function transferFlows(
  deps: { db: Database },
  who: ActingOfficial,
  query: { from: string; to: string; lang?: Lang } & DrillOption,
  timeZone: string,
): Promise<TransferFlowsResponse> {
  requireAccess(who, 'reports.read');
  const period = parsePeriod(query.from, query.to, timeZone);
  const scope = await reportScopeOf(deps.db, who, query);
  const [rows, total] = await Promise.all([
    listTransferFlows(deps.db, scope, { ...period, lang: query.lang ?? 'vi' }),
    countTransfers(deps.db, scope, period),
  ]);
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    flows: rows.map((r) => ({
      fromUnitId: r.from_unit_id,
      fromUnitName: r.from_unit_name,
      toUnitId: r.to_unit_id,
      toUnitName: r.to_unit_name,
      transfers: r.transfers,
      cases: r.cases,
    })),
    total,
  };
}

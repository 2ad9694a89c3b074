import type { HotlineSummaryResponse } from '@hotline/contracts';
import { listHotlineSummaries, type Database } from '@hotline/db';
import type { Lang } from '@hotline/domain';
import { requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { reportScopeOf, type DrillOption } from '../reports/report-scope.js';
import { parsePeriod } from './chart-buckets.js';

/**
 * The leader view: each hotline the official may watch (his own first; every hotline for
 * province-wide roles) with its cases received and resolved in the period and open now.
 */
export async function hotlineSummary(
  deps: { db: Database },
  who: ActingOfficial,
  query: { from: string; to: string; lang?: Lang } & DrillOption,
  now: Date,
  timeZone: string,
): Promise<HotlineSummaryResponse> {
  requireAccess(who, 'reports.read');
  const period = parsePeriod(query.from, query.to, timeZone);
  const scope = await reportScopeOf(deps.db, who, query);
  const rows = await listHotlineSummaries(deps.db, scope, who.principal.officialId, {
    ...period,
    now,
    lang: query.lang ?? 'vi',
  });
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    hotlines: rows.map((r) => ({
      hotlineId: r.id,
      number: r.number,
      displayNumber: r.display_number,
      name: r.name,
      ownerName: r.owner_name,
      unitName: r.unit_name,
      isActive: r.is_active,
      isMine: r.is_mine,
      received: r.received,
      resolved: r.resolved,
      open: r.open,
      overdue: r.overdue,
      atRisk: r.at_risk,
      escalated: r.escalated,
    })),
  };
}

import type { EscalationRungsResponse } from '@hotline/contracts';
import { countEscalationRungs, type Database } from '@hotline/db';
import { requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { reportScopeOf, type DrillOption } from '../reports/report-scope.js';
import { chartBuckets, type SeriesInterval } from './chart-buckets.js';

/**
 * SLA breaches per target and escalations per rung (1: the unit's leader, 2: the parent
 * unit's leader, 3: the hotline owner) in each day, week or month up to now, within the
 * official's scope.
 */
export async function escalationRungs(
  deps: { db: Database },
  who: ActingOfficial,
  query: { from: string; to: string; interval: SeriesInterval } & DrillOption,
  now: Date,
  timeZone: string,
): Promise<EscalationRungsResponse> {
  requireAccess(who, 'reports.read');
  const { period, buckets } = chartBuckets(query, timeZone, now);
  const scope = await reportScopeOf(deps.db, who, query);
  const rows = await countEscalationRungs(deps.db, scope, {
    starts: buckets.map((b) => b.start),
    ends: buckets.map((b) => b.end),
  });
  const counted = new Map(rows.map((r) => [r.i, r]));
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    interval: query.interval,
    points: buckets.map((b, index) => {
      const r = counted.get(index + 1);
      return {
        bucket: b.bucket,
        start: b.start.toISOString(),
        breachesAcceptance: r?.breaches_acceptance ?? 0,
        breachesFirstResponse: r?.breaches_first_response ?? 0,
        breachesResolution: r?.breaches_resolution ?? 0,
        rung1: r?.rung1 ?? 0,
        rung2: r?.rung2 ?? 0,
        rung3: r?.rung3 ?? 0,
        forTransfers: r?.for_transfers ?? 0,
      };
    }),
  };
}

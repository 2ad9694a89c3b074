import type { BacklogSeriesResponse } from '@hotline/contracts';
import { countBacklogAt, type Database } from '@hotline/db';
import { requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { reportScopeOf, type DrillOption } from '../reports/report-scope.js';
import { chartBuckets, type SeriesInterval } from './chart-buckets.js';

/**
 * The backlog (open cases, by age) at the end of each day, week or month of the period —
 * or now, for the bucket under way — replayed from case events within the official's scope.
 */
export async function backlogSeries(
  deps: { db: Database },
  who: ActingOfficial,
  query: { from: string; to: string; interval: SeriesInterval } & DrillOption,
  now: Date,
  timeZone: string,
): Promise<BacklogSeriesResponse> {
  requireAccess(who, 'reports.read');
  const { period, buckets } = chartBuckets(query, timeZone, now);
  const past = buckets.filter((b) => b.start <= now);
  const ats = past.map((b) => (b.end < now ? b.end : now));
  const scope = await reportScopeOf(deps.db, who, query);
  const counted = new Map((await countBacklogAt(deps.db, scope, ats)).map((r) => [r.i, r]));
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    interval: query.interval,
    points: buckets.map((b, index) => {
      const at = ats[index];
      if (index >= past.length || !at) {
        const none = { open: null, d0to2: null, d3to7: null, d8to15: null, d16to30: null };
        return { bucket: b.bucket, start: b.start.toISOString(), at: null, ...none, over30: null };
      }
      const row = counted.get(index + 1);
      return {
        bucket: b.bucket,
        start: b.start.toISOString(),
        at: at.toISOString(),
        open: row?.open ?? 0,
        d0to2: row?.d0to2 ?? 0,
        d3to7: row?.d3to7 ?? 0,
        d8to15: row?.d8to15 ?? 0,
        d16to30: row?.d16to30 ?? 0,
        over30: row?.over30 ?? 0,
      };
    }),
  };
}

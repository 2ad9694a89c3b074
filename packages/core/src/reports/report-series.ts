import { seriesOfReportFacts, type Database } from '@hotline/db';
import { requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { reportScopeOf, type DrillOption } from './report-scope.js';
import { validationFailed } from '../errors.js';
import {
  bucketOf,
  localDateOf,
  nextBucket,
  parsePeriod,
  startOfLocalDate,
  type SeriesInterval,
} from './period.js';

/** One bucket of the series: counts of what happened in it. */
export interface SeriesPoint {
  /** First local date of the bucket (Asia/Ho_Chi_Minh days). */
  bucket: string;
  start: string;
  received: number;
  resolved: number;
  resolvedOnTime: number;
  breaches: number;
  escalations: number;
}

const MAX_BUCKETS = 1000;

/**
 * Received, resolved, resolved on time, breaches and escalations per day, week or month up
 * to now, counted in SQL from the report facts (buckets are local dates in the zone, starting
 * at the instants their first days start).
 */
export async function reportSeries(
  deps: { db: Database },
  who: ActingOfficial,
  query: { from: string; to: string; interval: SeriesInterval } & DrillOption,
  now: Date,
  timeZone: string,
): Promise<{ from: string; to: string; interval: SeriesInterval; points: SeriesPoint[] }> {
  requireAccess(who, 'reports.read');
  const period = parsePeriod(query.from, query.to, timeZone);
  const points = new Map<string, SeriesPoint>();
  const last = localDateOf(new Date(period.to.getTime() - 1), timeZone);
  for (
    let b = bucketOf(localDateOf(period.from, timeZone), query.interval);
    b <= last;
    b = nextBucket(b, query.interval)
  ) {
    if (points.size >= MAX_BUCKETS)
      throw validationFailed([{ field: 'interval', reason: 'too_many_buckets' }]);
    const start = startOfLocalDate(b, timeZone);
    // A bucket not yet begun has no figures; a zero there would read as a week without cases.
    if (start > now) break;
    points.set(b, {
      bucket: b,
      start: start.toISOString(),
      received: 0,
      resolved: 0,
      resolvedOnTime: 0,
      breaches: 0,
      escalations: 0,
    });
  }
  const scope = await reportScopeOf(deps.db, who, query);
  const series = [...points.values()];
  const counted =
    series.length === 0
      ? []
      : await seriesOfReportFacts(
          deps.db,
          scope,
          period,
          series.map((p) => new Date(p.start)),
        );
  for (const [i, p] of series.entries()) Object.assign(p, counted[i]);
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    interval: query.interval,
    points: series,
  };
}

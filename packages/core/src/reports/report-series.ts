import type { Database } from '@hotline/db';
import { requireScope, scopeOfOfficial, type ActingOfficial } from '../auth/acting-official.js';
import { validationFailed } from '../errors.js';
import { loadCaseFacts } from './case-facts.js';
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

/** Received, resolved, resolved on time, breaches and escalations per day, week or month. */
export async function reportSeries(
  deps: { db: Database },
  who: ActingOfficial,
  query: { from: string; to: string; interval: SeriesInterval },
  now: Date,
  timeZone: string,
): Promise<{ from: string; to: string; interval: SeriesInterval; points: SeriesPoint[] }> {
  requireScope(who, 'reports:read');
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
    points.set(b, {
      bucket: b,
      start: startOfLocalDate(b, timeZone).toISOString(),
      received: 0,
      resolved: 0,
      resolvedOnTime: 0,
      breaches: 0,
      escalations: 0,
    });
  }
  const pointAt = (at: Date) => points.get(bucketOf(localDateOf(at, timeZone), query.interval));
  const scope = await scopeOfOfficial(deps.db, who);
  for (const f of await loadCaseFacts(deps.db, scope, period, now)) {
    if (f.isReceivedInPeriod) {
      const p = pointAt(f.receivedAt);
      if (p) p.received++;
    }
    for (const r of f.resolutions) {
      const p = pointAt(r.at);
      if (!p) continue;
      p.resolved++;
      if (r.isOnTime) p.resolvedOnTime++;
    }
    for (const at of f.breachesAt) {
      const p = pointAt(at);
      if (p) p.breaches++;
    }
    for (const at of f.escalationsAt) {
      const p = pointAt(at);
      if (p) p.escalations++;
    }
  }
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    interval: query.interval,
    points: [...points.values()],
  };
}

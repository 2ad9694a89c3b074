import { validationFailed } from '../errors.js';
import {
  bucketOf,
  localDateOf,
  nextBucket,
  parsePeriod,
  startOfLocalDate,
  type Period,
  type SeriesInterval,
} from '../reports/period.js';

/** One bucket of a chart: its first local date and the instants it covers, [start, end). */
export interface ChartBucket {
  bucket: string;
  start: Date;
  end: Date;
}

const MAX_BUCKETS = 400;

/**
 * The period of a chart (400 on a bad one) cut into days, weeks (from Monday) or months in
 * the zone; the first and last buckets are clipped to the period. Buckets that start after
 * `now` are left out: a week that has not begun has no figures, and a zero would read as one.
 */
export function chartBuckets(
  query: { from: string; to: string; interval: SeriesInterval },
  timeZone: string,
  now: Date,
): { period: Period; buckets: ChartBucket[] } {
  const period = parsePeriod(query.from, query.to, timeZone);
  const buckets: ChartBucket[] = [];
  const last = localDateOf(new Date(period.to.getTime() - 1), timeZone);
  for (
    let b = bucketOf(localDateOf(period.from, timeZone), query.interval);
    b <= last;
    b = nextBucket(b, query.interval)
  ) {
    if (buckets.length >= MAX_BUCKETS) {
      throw validationFailed([{ field: 'interval', reason: 'too_many_buckets' }]);
    }
    const start = startOfLocalDate(b, timeZone);
    const clippedStart = start < period.from ? period.from : start;
    if (clippedStart > now) break;
    const end = startOfLocalDate(nextBucket(b, query.interval), timeZone);
    buckets.push({
      bucket: b,
      start: clippedStart,
      end: end > period.to ? period.to : end,
    });
  }
  return { period, buckets };
}

export { parsePeriod, type SeriesInterval };

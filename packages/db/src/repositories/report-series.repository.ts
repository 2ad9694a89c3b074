import { sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import type { CaseScope } from './case-scope.repository.js';
import { inPeriod, read, scopeOn } from './report-sql.js';

/** What happened in one bucket of a series. */
export interface FactBucket {
  received: number;
  resolved: number;
  resolvedOnTime: number;
  breaches: number;
  escalations: number;
}

/**
 * Receipts (first routings), resolutions (on time), breaches and escalations of the period per bucket: bucket i
 * holds what happened from `starts[i]` until the next start (starts ascending; the caller
 * makes them the local days, weeks or months of its zone). One statement, a branch per kind;
 * the bucket is found by a binary search of the starts (no time zone arithmetic per row).
 */
export async function seriesOfReportFacts(
  db: Executor,
  scope: CaseScope,
  period: { from: Date; to: Date },
  starts: readonly Date[],
): Promise<FactBucket[]> {
  const where = sql`${inPeriod(period)} and ${scopeOn(scope)}`;
  const bucket = sql`width_bucket(f.at, ${`{${starts.map((d) => d.toISOString()).join(',')}}`}::timestamptz[])`;
  const rows = await read<{ kind: string; bucket: number; n: number; on_time: number }>(
    db,
    sql`
    select 'received' as kind, ${bucket} as bucket, count(*)::int as n, 0 as on_time
    from case_report_facts f where f.kind = 'received' and ${where}
    group by 2
    union all
    select 'resolved', ${bucket}, count(*)::int, count(*) filter (where f.is_on_time)::int
    from case_report_facts f where f.kind = 'resolved' and ${where}
    group by 2
    union all
    select 'breached', ${bucket}, count(*)::int, 0
    from case_report_facts f where f.kind = 'breached' and ${where}
    group by 2
    union all
    select 'escalated', ${bucket}, count(*)::int, 0
    from case_report_facts f where f.kind = 'escalated' and ${where}
    group by 2`,
  );
  const buckets: FactBucket[] = starts.map(() => ({
    received: 0,
    resolved: 0,
    resolvedOnTime: 0,
    breaches: 0,
    escalations: 0,
  }));
  for (const r of rows) {
    // width_bucket counts from 1; 0 is before the first start (never, as from ≥ starts[0]).
    const b = buckets[r.bucket - 1];
    if (!b) continue;
    if (r.kind === 'received') b.received += r.n;
    else if (r.kind === 'resolved') {
      b.resolved += r.n;
      b.resolvedOnTime += r.on_time;
    } else if (r.kind === 'breached') b.breaches += r.n;
    else b.escalations += r.n;
  }
  return buckets;
}

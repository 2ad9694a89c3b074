import { sql, type SQL } from 'drizzle-orm';
import type { Lang } from '@hotline/domain';
import type { Executor } from '../client.js';
import { nameInLang } from './name-in-lang.js';
import type { CaseScope } from './case-scope.repository.js';
import { inPeriod, read, scopeOn } from './report-sql.js';

// Report figures aggregated in SQL from `case_report_facts` (written with the events): a report
// reads only the facts of its period, by the (kind, at) and open-span indexes, never the cases
// or their histories. Each fact carries the unit, assignee and category that held the case when
// it happened, and the case's channel and hotline, so grouping and scope need no join. Instants
// go as ISO strings (STYLE.md).

/** What a report groups by: the holder's unit or assignee when it happened, channel, category. */
export type ReportKey = 'unit' | 'official' | 'channel' | 'category';

/** A report's period [from, to) and the moment backlogs are measured at (min(to, now)). */
export interface FactPeriod {
  from: Date;
  to: Date;
  end: Date;
}

/** The additive figures of one group (key null: no unit, no assignee). */
export interface FactCounts {
  key: string | null;
  /** Cases that came to the group first (their first routing). */
  received: number;
  /** Cases the group transferred to another unit. */
  transferredOut: number;
  resolved: number;
  resolvedOnTime: number;
  /** Resolutions with no deadline in force (neither on time nor late). */
  resolvedWithoutDeadline: number;
  reopened: number;
  firstResponses: number;
  ratings: number;
  ratingSum: number;
  satisfied: number;
  openBacklog: number;
  /** Open at the end and past the resolution deadline in force then. */
  openOverdue: number;
  /** Open at the end by age in calendar days since receipt: 0–2, 3–7, 8–15, 16–30, over 30. */
  backlogAge: [number, number, number, number, number];
}

/** A group's resolutions or first responses of a period, and their working times. */
export interface FactTimes {
  count: number;
  /** Resolutions: on time; with no deadline in force; reopened afterwards. */
  onTime: number;
  withoutDeadline: number;
  reopened: number;
  /** Median and 90th percentile (PERCENTILE.INC, not rounded) of the working times. */
  median: number;
  p90: number;
}

const keyOf = (by: ReportKey): SQL => {
  switch (by) {
    case 'unit':
      return sql`f.unit_id`;
    case 'official':
      return sql`f.assignee_id`;
    case 'channel':
      return sql`f.channel`;
    case 'category':
      return sql`f.category_id`;
  }
};

type CountsRow = {
  key: string | null;
  kind: 'received' | 'transferred_out' | 'rated' | 'backlog';
  n: number;
  /** Backlog past its deadline at the end. */
  overdue: number;
  rating_sum: number;
  satisfied: number;
  /** Backlog received after end − 3, 8, 16, 31 days: ages of at most 2, 7, 15, 30 days. */
  r3: number;
  r8: number;
  r16: number;
  r31: number;
};

const DAY_MS = 86_400_000;

/**
 * Receipts and transfers out in the period, the citizen's last rating given in the period per
 * case (a rating in the period not replaced before its end), and cases open at `end` (a span
 * began before it and ended at or after it, or not yet) by age and past their deadline (the
 * same condition as overdueCase on the cases: due before the moment), per group. One
 * statement of index-only scans, a branch per kind (run side by side by parallel workers).
 * Resolutions and first responses are counted with their working times (timeReportFacts).
 */
export async function countReportFacts(
  db: Executor,
  scope: CaseScope,
  period: FactPeriod,
  by: ReportKey,
): Promise<FactCounts[]> {
  const key = keyOf(by);
  const where = sql`${inPeriod(period)} and ${scopeOn(scope)}`;
  const to = sql`${period.to.toISOString()}::timestamptz`;
  const end = sql`${period.end.toISOString()}::timestamptz`;
  // Whole calendar days since receipt, at most k ⟺ received after end − (k + 1) days.
  const after = (days: number) =>
    sql`count(*) filter (where r > ${new Date(period.end.getTime() - days * DAY_MS).toISOString()}::timestamptz)::int`;
  const open = sql`select ${key} as key, f.received_at as r, f.due_at as d from case_report_facts f
    where f.kind = 'open' and f.at < ${end} and ${scopeOn(scope)}`;
  const rows = await read<CountsRow>(
    db,
    sql`
    select ${key} as key, f.kind, count(*)::int as n, 0 as overdue, 0 as rating_sum,
      0 as satisfied, 0 as r3, 0 as r8, 0 as r16, 0 as r31
    from case_report_facts f
    where f.kind in ('received', 'transferred_out') and ${where}
    group by 1, 2
    union all
    select ${key}, 'rated', count(*)::int, 0, sum(f.rating)::int,
      count(*) filter (where f.rating >= 4)::int, 0, 0, 0, 0
    from case_report_facts f
    where f.kind = 'rated' and (f.until is null or f.until >= ${to}) and ${where}
    group by 1
    union all
    select key, 'backlog', count(*)::int, count(*) filter (where d < ${end})::int, 0, 0,
      ${after(3)}, ${after(8)}, ${after(16)}, ${after(31)}
    from (${open} and f.until is null union all ${open} and f.until >= ${end}) o
    group by 1`,
  );
  const groups = new Map<string | null, FactCounts>();
  for (const r of rows) {
    const g = groups.get(r.key) ?? noFactCounts(r.key);
    groups.set(r.key, g);
    switch (r.kind) {
      case 'received':
        g.received = r.n;
        break;
      case 'transferred_out':
        g.transferredOut = r.n;
        break;
      case 'rated':
        g.ratings = r.n;
        g.ratingSum = r.rating_sum;
        g.satisfied = r.satisfied;
        break;
      case 'backlog':
        g.openBacklog = r.n;
        g.openOverdue = r.overdue;
        g.backlogAge = [r.r3, r.r8 - r.r3, r.r16 - r.r8, r.r31 - r.r16, r.n - r.r31];
        break;
    }
  }
  return [...groups.values()];
}

/** A group with nothing counted yet. */
export const noFactCounts = (key: string | null): FactCounts => ({
  key,
  received: 0,
  transferredOut: 0,
  resolved: 0,
  resolvedOnTime: 0,
  resolvedWithoutDeadline: 0,
  reopened: 0,
  firstResponses: 0,
  ratings: 0,
  ratingSum: 0,
  satisfied: 0,
  openBacklog: 0,
  openOverdue: 0,
  backlogAge: [0, 0, 0, 0, 0],
});

/**
 * The period's resolutions or first responses per group: how many (on time, reopened) and
 * the median and 90th percentile of their working times (PERCENTILE.INC: percentile_cont),
 * and the quantiles of them all. One index-only scan; the values are gathered per group by
 * hashing and each group's sorted alone (no sort of the whole period by group).
 */
export async function timeReportFacts(
  db: Executor,
  scope: CaseScope,
  period: FactPeriod,
  by: ReportKey,
  kind: 'resolved' | 'first_response',
): Promise<{
  groups: Map<string | null, FactTimes>;
  total: Pick<FactTimes, 'median' | 'p90'> | null;
}> {
  const rows = await read<{
    key: string | null;
    is_total: boolean;
    n: number;
    on_time: number;
    without_deadline: number;
    reopened: number;
    q: number[] | null;
  }>(
    db,
    sql`
    with g as (
      select ${keyOf(by)} as key, count(*)::int as n,
        count(*) filter (where f.is_on_time)::int as on_time,
        count(*) filter (where f.is_on_time is null)::int as without_deadline,
        count(*) filter (where f.was_reopened)::int as reopened, array_agg(f.working_ms) as v
      from case_report_facts f
      where f.kind = ${kind} and ${inPeriod(period)} and ${scopeOn(scope)}
      group by 1
    )
    select key, false as is_total, n, on_time, without_deadline, reopened, (
      select percentile_cont(array[0.5, 0.9]) within group (order by x) from unnest(g.v) x
    ) as q
    from g
    union all
    select null, true, 0, 0, 0, 0, percentile_cont(array[0.5, 0.9]) within group (order by x)
    from g, unnest(g.v) x`,
  );
  const groups = new Map<string | null, FactTimes>();
  let total: Pick<FactTimes, 'median' | 'p90'> | null = null;
  for (const r of rows) {
    if (r.q === null) continue;
    const q = { median: Number(r.q[0]), p90: Number(r.q[1]) };
    if (r.is_total) total = q;
    else {
      groups.set(r.key, {
        count: r.n,
        onTime: r.on_time,
        withoutDeadline: r.without_deadline,
        reopened: r.reopened,
        ...q,
      });
    }
  }
  return { groups, total };
}

/** The names of a report's groups (a channel is its own name). */
export async function nameReportKeys(
  db: Executor,
  by: ReportKey,
  keys: readonly string[],
  lang: Lang = 'vi',
): Promise<Map<string, string>> {
  if (by === 'channel') return new Map(keys.map((k) => [k, k]));
  if (keys.length === 0) return new Map();
  const ids = sql`${`{${keys.join(',')}}`}::uuid[]`;
  const nameIn = nameInLang(lang, sql`name`, sql`name_en`);
  const rows = await db.execute<{ id: string; name: string }>(
    by === 'unit'
      ? sql`select id::text, ${nameIn} as name from admin_units where id = any(${ids})`
      : by === 'official'
        ? sql`select id::text, full_name as name from officials where id = any(${ids})`
        : sql`select id::text, ${nameIn} as name from categories where id = any(${ids})`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

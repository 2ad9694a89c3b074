import { sql } from 'drizzle-orm';
import { plannedEachTime, type Executor } from '../client.js';
import { caseScopeCondition, type CaseScope } from './case-scope.repository.js';
import { drillsLeftOut } from './drill-filter.js';
import { instantArray, openStatusList } from './oversight-chart-scope.js';

/** Open cases at one instant (index `i`, from 1), by age since receipt in days. */
export type BacklogPointRow = {
  i: number;
  open: number;
  d0to2: number;
  d3to7: number;
  d8to15: number;
  d16to30: number;
  over30: number;
};

// A case stops being open when it is resolved, closed, rejected, merged or withdrawn, and is
// open again when reopened: its history cut at these events gives its open stretches.
const CHANGES = sql`('resolved', 'closed', 'rejected', 'merged', 'withdrawn', 'reopened')`;

/**
 * The scope's backlog at each instant of `ats` (ascending), replayed from case_events: a case
 * counts when it was received by then and its latest closing or reopening event before then
 * (if any) reopened it. Ages follow the reports' bands (0–2, 3–7, 8–15, 16–30, over 30 days).
 */
export async function countBacklogAt(
  db: Executor,
  scope: CaseScope,
  ats: readonly Date[],
): Promise<BacklogPointRow[]> {
  const first = ats[0];
  const last = ats[ats.length - 1];
  if (!first || !last) return [];
  const age = (days: number) => sql`pts.at - sg.received_at < ${`${days} days`}::interval`;
  const rows = await plannedEachTime(db).execute<BacklogPointRow>(sql`
    with pts as (
      select p.at, p.i::int as i from unnest(${instantArray(ats)}) with ordinality as p(at, i)
    ),
    scoped as (
      select cases.id, cases.received_at from cases
      where ${caseScopeCondition(scope)} and ${drillsLeftOut(scope, 'cases')}
        and cases.received_at <= ${last.toISOString()}::timestamptz
        and (cases.status in (${openStatusList()}) or exists (
          select 1 from case_events x where x.case_id = cases.id and x.type in ${CHANGES}
            and x.occurred_at >= ${first.toISOString()}::timestamptz))
    ),
    changes as (
      select e.case_id, e.occurred_at as at, e.version, e.type = 'reopened' as opens
      from case_events e join scoped s on s.id = e.case_id
      where e.type in ${CHANGES} and e.occurred_at <= ${last.toISOString()}::timestamptz
    ),
    segments as (
      select s.id, s.received_at, s.received_at as seg_start,
        (select min(ch.at) from changes ch where ch.case_id = s.id) as seg_end, true as opens
      from scoped s
      union all
      select ch.case_id, s.received_at, ch.at,
        lead(ch.at) over (partition by ch.case_id order by ch.at, ch.version), ch.opens
      from changes ch join scoped s on s.id = ch.case_id
    )
    select pts.i, count(*)::int as open,
      count(*) filter (where ${age(3)})::int as d0to2,
      count(*) filter (where not ${age(3)} and ${age(8)})::int as d3to7,
      count(*) filter (where not ${age(8)} and ${age(16)})::int as d8to15,
      count(*) filter (where not ${age(16)} and ${age(31)})::int as d16to30,
      count(*) filter (where not ${age(31)})::int as over30
    from pts
    join segments sg on sg.opens and sg.seg_start <= pts.at
      and (sg.seg_end is null or sg.seg_end > pts.at)
    group by pts.i`);
  return [...rows];
}

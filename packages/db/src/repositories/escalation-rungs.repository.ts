import { sql } from 'drizzle-orm';
import { plannedEachTime, type Executor } from '../client.js';
import type { CaseScope } from './case-scope.repository.js';
import { caseInScope, instantArray } from './oversight-chart-scope.js';

/** Breaches per target and escalations per rung in one bucket (index `i`, from 1). */
export type EscalationRungRow = {
  i: number;
  breaches_acceptance: number;
  breaches_first_response: number;
  breaches_resolution: number;
  rung1: number;
  rung2: number;
  rung3: number;
  for_transfers: number;
};

/**
 * Counts `sla_breached` events by target and `escalated` events by rung of the deadline ladder
 * (3 = the hotline owner and anything above) in each bucket [starts[i], ends[i]), for the
 * cases of the scope; escalations for too many transfers (level 0) are counted apart.
 */
export async function countEscalationRungs(
  db: Executor,
  scope: CaseScope,
  buckets: { starts: readonly Date[]; ends: readonly Date[] },
): Promise<EscalationRungRow[]> {
  const first = buckets.starts[0];
  const last = buckets.ends[buckets.ends.length - 1];
  if (!first || !last) return [];
  const level = sql`(e.payload->>'level')::int`;
  const rows = await plannedEachTime(db).execute<EscalationRungRow>(sql`
    with pts as (
      select p.s, p.e, p.i::int as i
      from unnest(${instantArray(buckets.starts)}, ${instantArray(buckets.ends)})
        with ordinality as p(s, e, i)
    )
    select pts.i,
      count(*) filter (where e.type = 'sla_breached' and e.payload->>'target' = 'acceptance')::int
        as breaches_acceptance,
      count(*) filter (where e.type = 'sla_breached' and e.payload->>'target' = 'first_response')::int
        as breaches_first_response,
      count(*) filter (where e.type = 'sla_breached' and e.payload->>'target' = 'resolution')::int
        as breaches_resolution,
      count(*) filter (where e.type = 'escalated' and ${level} = 1)::int as rung1,
      count(*) filter (where e.type = 'escalated' and ${level} = 2)::int as rung2,
      count(*) filter (where e.type = 'escalated' and ${level} >= 3)::int as rung3,
      count(*) filter (where e.type = 'escalated' and e.payload->>'reason' = 'too_many_transfers')::int
        as for_transfers
    from pts
    join case_events e on e.occurred_at >= pts.s and e.occurred_at < pts.e
    where e.type in ('sla_breached', 'escalated')
      and e.occurred_at >= ${first.toISOString()}::timestamptz
      and e.occurred_at < ${last.toISOString()}::timestamptz
      and ${caseInScope(sql`e.case_id`, scope)}
    group by pts.i`);
  return [...rows];
}

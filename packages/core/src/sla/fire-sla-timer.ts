import type { SlaTimerJob } from '@hotline/contracts';
import { findCaseTimerState, findEscalationTargets } from '@hotline/db';
import { decideSlaActions } from '@hotline/domain';
import { changeCase, type CaseChangeDeps } from '../change-case.js';

export type TimerOutcome = 'stale' | 'nothing_due' | 'acted';

const CLOCK = { kind: 'system', process: 'worker:sla' } as const;

/**
 * A timer fires: re-check the case in Postgres and record what is due — warnings, breaches and
 * escalation rungs — once. A timer of an older deadline generation is a no-op, checked again
 * under the case lock so a change racing the timer wins.
 */
export async function fireSlaTimer(
  deps: CaseChangeDeps,
  job: SlaTimerJob,
  now: Date,
): Promise<TimerOutcome> {
  const row = await findCaseTimerState(deps.db, job.caseId);
  if (!row || row.deadline_generation !== job.generation) return 'stale';
  const targets = await findEscalationTargets(deps.db, row.unit_id, row.hotline_id);
  let stale = false;
  const result = await changeCase(
    deps,
    job.caseId,
    (state, { history, sla }) => {
      if (sla.generation !== job.generation) {
        stale = true;
        return null;
      }
      return decideSlaActions(state, history, sla, targets, now);
    },
    CLOCK,
    now,
  );
  if (stale) return 'stale';
  return result.changed ? 'acted' : 'nothing_due';
}

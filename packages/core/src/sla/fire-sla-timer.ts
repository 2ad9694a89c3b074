import type { SlaTimerJob } from '@hotline/contracts';
import { findCaseTimerStates, findEscalationOrg } from '@hotline/db';
import { decideSlaActions, escalationLadder, type EscalationTargets } from '@hotline/domain';
import { changeCases, type CaseChangeDeps } from '../change-case.js';
import { AppError } from '../errors.js';
import { planTimerBatch } from './timer-batch.js';

export type TimerOutcome = 'stale' | 'nothing_due' | 'acted';

const CLOCK = { kind: 'system', process: 'worker:sla' } as const;

/**
 * Timers fire: re-check their cases in Postgres and record what is due at `now` — warnings,
 * breaches and escalation rungs — once. All the cases of a batch change in one transaction
 * (one statement per kind of write, whatever their number), so a storm of deadlines due in the
 * same second costs a few round trips per batch rather than a transaction per timer. A timer
 * of an older deadline generation is a no-op, checked before and again under the case lock so
 * a change racing the timer wins. Nothing is recorded before it is due: `decideSlaActions`
 * records only what falls due by `now`, and the caller passes a `now` no earlier than the
 * jobs' due times. The outcome of each job is its outcome or its error (a change the domain
 * refuses fails for its case only); anything else (a lost connection) fails the whole batch.
 */
export async function fireSlaTimers(
  deps: CaseChangeDeps,
  jobs: readonly SlaTimerJob[],
  now: Date,
): Promise<(TimerOutcome | AppError)[]> {
  const rows = await findCaseTimerStates(deps.db, [...new Set(jobs.map((j) => j.caseId))]);
  const plan = planTimerBatch(jobs, rows);
  if (plan.cases.length === 0) return jobs.map(() => 'stale');
  // Read once per distinct unit and hotline of the batch, not once per timer.
  const targetsOf = new Map<string, EscalationTargets>(
    await Promise.all(
      [...plan.targets].map(
        async ([key, { unitId, hotlineId }]) =>
          [key, escalationLadder(await findEscalationOrg(deps.db, unitId, hotlineId))] as const,
      ),
    ),
  );
  const stale = new Set<string>();
  const outcomes = await changeCases(
    deps,
    plan.cases.map(({ caseId, generation, targetsKey }) => ({
      caseId,
      principal: CLOCK,
      request: (state, { history, sla }) => {
        if (sla.generation !== generation) {
          stale.add(caseId);
          return null;
        }
        return decideSlaActions(state, history, sla, targetsOf.get(targetsKey)!, now);
      },
    })),
    now,
  );
  const byCase = new Map<string, TimerOutcome | AppError>(
    plan.cases.map(({ caseId }, i) => {
      const o = outcomes[i]!;
      if (!o.ok) return [caseId, o.error.code === 'CASE_NOT_FOUND' ? 'stale' : o.error];
      if (stale.has(caseId)) return [caseId, 'stale'];
      return [caseId, o.value.changed ? 'acted' : 'nothing_due'];
    }),
  );
  return plan.caseOfJob.map((caseId) => (caseId === null ? 'stale' : byCase.get(caseId)!));
}

/**
 * A batch as `fireSlaTimers` fires it; if its transaction fails as a whole, each timer alone,
 * so one bad case never holds back the others. Each outcome is the timer's, or its error.
 */
export async function fireSlaTimersApart(
  deps: CaseChangeDeps,
  jobs: readonly SlaTimerJob[],
  now: Date,
): Promise<(TimerOutcome | Error)[]> {
  try {
    return await fireSlaTimers(deps, jobs, now);
  } catch {
    return Promise.all(
      jobs.map((job) => fireSlaTimer(deps, job, new Date()).catch((e: Error) => e)),
    );
  }
}

/** One timer: a batch of one, its error thrown. */
export async function fireSlaTimer(
  deps: CaseChangeDeps,
  job: SlaTimerJob,
  now: Date,
): Promise<TimerOutcome> {
  const [outcome] = await fireSlaTimers(deps, [job], now);
  if (outcome instanceof AppError) throw outcome;
  return outcome!;
}

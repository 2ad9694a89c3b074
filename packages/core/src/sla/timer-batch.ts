import type { SlaTimerJob } from '@hotline/contracts';

/** What a case's row says before its timers are fired (read without a lock). */
export interface TimerCaseRow {
  deadlineGeneration: number;
  unitId: string | null;
  hotlineId: string | null;
}

/** A case some live timer of the batch is for, with the generation they were scheduled for. */
export interface TimerCase {
  caseId: string;
  generation: number;
  /** Key of the escalation targets it needs (its unit and hotline). */
  targetsKey: string;
}

export interface TimerBatchPlan {
  /** Each case to fire once, in the order its first job came. */
  cases: TimerCase[];
  /** Per job: the case it fires, or null when it is stale already (older generation, no case). */
  caseOfJob: (string | null)[];
  /** The distinct (unit, hotline) pairs whose escalation targets the batch needs. */
  targets: Map<string, { unitId: string | null; hotlineId: string | null }>;
}

export const targetsKeyOf = (unitId: string | null, hotlineId: string | null) =>
  `${unitId ?? ''}/${hotlineId ?? ''}`;

/**
 * Which cases a batch of timer jobs fires: a job of an older generation than its case's (or of
 * a case that is gone) is stale and fires nothing; the live jobs of one case (its warning and
 * its deadline falling due together, a redelivery) fire it once, since a firing records
 * everything then due. The escalation targets are read once per distinct unit and hotline.
 */
export function planTimerBatch(
  jobs: readonly Pick<SlaTimerJob, 'caseId' | 'generation'>[],
  rows: ReadonlyMap<string, TimerCaseRow>,
): TimerBatchPlan {
  const cases = new Map<string, TimerCase>();
  const targets: TimerBatchPlan['targets'] = new Map();
  const caseOfJob = jobs.map(({ caseId, generation }) => {
    const row = rows.get(caseId);
    if (!row || row.deadlineGeneration !== generation) return null;
    if (!cases.has(caseId)) {
      const targetsKey = targetsKeyOf(row.unitId, row.hotlineId);
      cases.set(caseId, { caseId, generation, targetsKey });
      targets.set(targetsKey, { unitId: row.unitId, hotlineId: row.hotlineId });
    }
    return caseId;
  });
  return { cases: [...cases.values()], caseOfJob, targets };
}

import type { SlaTimerJob } from '@hotline/contracts';
import { listTimersDueIn } from '@hotline/db';
import { AppError } from '../errors.js';
import type { CaseChangeDeps } from '../change-case.js';
import { fireSlaTimersApart, type TimerOutcome } from './fire-sla-timer.js';

export interface SlotFiring {
  /** Timers due in the slot, of open cases. */
  timers: number;
  acted: number;
}

/**
 * Fires every timer due in [from, until) at `now` (no earlier than `until`): the cases are
 * read from Postgres, then fired `batch.size` at a time, `batch.concurrency` transactions at
 * once, as the timers BullMQ hands over one by one are (`fireSlaTimersApart`). When any case
 * failed, the error is thrown once all were tried: the job's retry finds the others done.
 */
export async function fireSlaSlot(
  deps: CaseChangeDeps,
  slot: { from: Date; until: Date },
  now: Date,
  batch: { size: number; concurrency: number },
): Promise<SlotFiring> {
  if (now < slot.until) throw new Error('a slot fires once it is over, never before');
  const jobs: SlaTimerJob[] = (await listTimersDueIn(deps.db, slot.from, slot.until)).map((r) => ({
    caseId: r.id,
    generation: r.deadline_generation,
    kind: r.kind,
    dueAt: r.at,
  }));
  const chunks: SlaTimerJob[][] = [];
  for (let i = 0; i < jobs.length; i += batch.size) chunks.push(jobs.slice(i, i + batch.size));
  const outcomes: (TimerOutcome | Error)[] = [];
  let next = 0;
  const fireChunks = async () => {
    for (let chunk = chunks[next++]; chunk; chunk = chunks[next++]) {
      outcomes.push(...(await fireSlaTimersApart(deps, chunk, now)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(batch.concurrency, chunks.length) }, fireChunks));
  const failed = outcomes.filter((o): o is Error => o instanceof Error);
  // A lost connection is thrown as it came, so the job is put back without spending a try.
  const first = failed.find((e) => !(e instanceof AppError)) ?? failed[0];
  if (first) throw first;
  return { timers: jobs.length, acted: outcomes.filter((o) => o === 'acted').length };
}

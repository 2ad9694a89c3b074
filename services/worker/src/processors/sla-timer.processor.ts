import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import DataLoader from 'dataloader';
import Value from 'typebox/value';
import { SlaSlotJob, SlaTimerJob } from '@hotline/contracts';
import { fireSlaSlot, fireSlaTimersApart, type CaseChangeDeps } from '@hotline/core';

export interface SlaBatch {
  size: number;
  waitMs: number;
  /** Transactions a slot's job runs at once. */
  slotConcurrency: number;
}

// Handed over before its time (another host's clock ahead of ours): put back until due, so
// the timer still fires, and never before its moment.
async function heldUntil(job: Job, at: number, token?: string) {
  if (at <= Date.now()) return;
  await job.moveToDelayed(at, token);
  throw new DelayedError();
}

/**
 * `sla/fire-slot`: every timer due in a slot is fired (see fireSlaSlot). `sla/check-deadline`:
 * one warning, deadline or escalation rung is due; record it once. Timers falling due together
 * (the worker runs many jobs at once) are collected by a DataLoader and fired together
 * (`fireSlaTimersApart`).
 */
export function slaTimerProcessor(deps: CaseChangeDeps, batch: SlaBatch) {
  const loader = new DataLoader<SlaTimerJob, unknown>(
    // `now` is taken after every job of the batch was checked due (below): nothing is early.
    (jobs) => fireSlaTimersApart(deps, jobs, new Date()),
    {
      cache: false,
      maxBatchSize: batch.size,
      batchScheduleFn: (run) => setTimeout(run, batch.waitMs),
    },
  );
  return async (job: Job, token?: string) => {
    if (job.name === 'fire-slot') {
      if (!Value.Check(SlaSlotJob, job.data)) throw new UnrecoverableError('malformed SLA slot');
      const slot = { from: new Date(job.data.from), until: new Date(job.data.until) };
      await heldUntil(job, slot.until.getTime(), token);
      return fireSlaSlot(deps, slot, new Date(), {
        size: batch.size,
        concurrency: batch.slotConcurrency,
      });
    }
    if (!Value.Check(SlaTimerJob, job.data))
      throw new UnrecoverableError('malformed SLA timer payload');
    await heldUntil(job, Date.parse(job.data.dueAt), token);
    return loader.load(job.data);
  };
}

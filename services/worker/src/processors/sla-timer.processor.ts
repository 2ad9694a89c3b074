import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import DataLoader from 'dataloader';
import Value from 'typebox/value';
import { SlaTimerJob } from '@hotline/contracts';
import { fireSlaTimer, fireSlaTimers, type CaseChangeDeps } from '@hotline/core';

export interface SlaBatch {
  size: number;
  waitMs: number;
}

/**
 * `sla/check-deadline`: a warning, deadline or escalation rung is due; record it once. Timers
 * falling due together (the worker runs many jobs at once) are collected by a DataLoader and
 * fired in one transaction; if that transaction fails as a whole, each timer is fired alone, so
 * one bad case never holds back the others.
 */
export function slaTimerProcessor(deps: CaseChangeDeps, batch: SlaBatch) {
  const loader = new DataLoader<SlaTimerJob, unknown>(
    async (jobs) => {
      // Taken after every job of the batch was checked due (below): nothing is recorded early.
      const now = new Date();
      try {
        return await fireSlaTimers(deps, jobs, now);
      } catch {
        return Promise.all(
          jobs.map((job) => fireSlaTimer(deps, job, new Date()).catch((e: Error) => e)),
        );
      }
    },
    {
      cache: false,
      maxBatchSize: batch.size,
      batchScheduleFn: (run) => setTimeout(run, batch.waitMs),
    },
  );
  return async (job: Job, token?: string) => {
    if (!Value.Check(SlaTimerJob, job.data))
      throw new UnrecoverableError('malformed SLA timer payload');
    // Handed over before its time (another host's clock ahead of ours): put back until due, so
    // the timer still fires, and never before its moment.
    const dueAt = Date.parse(job.data.dueAt);
    if (dueAt > Date.now()) {
      await job.moveToDelayed(dueAt, token);
      throw new DelayedError();
    }
    return loader.load(job.data);
  };
}

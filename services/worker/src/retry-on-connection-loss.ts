import { DelayedError, type Processor } from 'bullmq';
import { databaseFailure } from '@hotline/core';

const FIRST_WAIT_MS = 500;
const LONGEST_WAIT_MS = 15_000;

/**
 * Wraps the processors of one worker process: a job that failed because Postgres could not be
 * reached is put back, delayed, without spending one of its attempts, for as long as the outage
 * lasts. A job's attempts are for failures of its own; an outage of a minute would otherwise
 * use up a timer's few quick tries and leave it to the next reconcile.
 *
 * The wait doubles with the run of such failures across all jobs of the process (up to 15 s,
 * with jitter so that thousands of timers do not return together) and starts again at the first
 * job that goes through.
 */
export function retryOnConnectionLoss() {
  let streak = 0;
  return (processor: Processor): Processor =>
    async (job, token) => {
      try {
        const result: unknown = await processor(job, token);
        streak = 0;
        return result;
      } catch (err) {
        if (!token || databaseFailure(err)?.kind !== 'unavailable') throw err;
        const base = Math.min(FIRST_WAIT_MS * 2 ** Math.min(streak++, 10), LONGEST_WAIT_MS);
        const wait = base / 2 + Math.random() * (base / 2);
        // If Redis is gone too this rejects, and the job is failed as usual (or found stalled).
        await job.moveToDelayed(Date.now() + wait, token);
        throw new DelayedError();
      }
    };
}

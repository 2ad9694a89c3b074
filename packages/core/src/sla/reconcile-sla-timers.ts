import { listOpenCaseTimers, type Database } from '@hotline/db';
import type { JobPublisher } from '@hotline/queue';
import { slaTimerJobs } from './sla-timer-jobs.js';

/**
 * Rebuilds every open case's timers in BullMQ from Postgres alone (after Redis lost them, or
 * to repair any gap). Job ids are deterministic, so timers still in Redis are left as they
 * are; timers already past are added to run at once, and find their work done or do it once.
 */
export async function reconcileSlaTimers(
  deps: { db: Database; publisher: JobPublisher },
  now: Date,
  pageSize = 2000,
): Promise<{ cases: number; timers: number }> {
  let afterId: string | null = null;
  let cases = 0;
  let timers = 0;
  for (;;) {
    const page = await listOpenCaseTimers(deps.db, afterId, pageSize);
    if (page.length === 0) break;
    const jobs = page.flatMap((c) => slaTimerJobs(c.id, c.deadline_generation, c.sla_timers, now));
    await deps.publisher.publish(jobs);
    cases += page.length;
    timers += jobs.length;
    afterId = page[page.length - 1]!.id;
  }
  return { cases, timers };
}

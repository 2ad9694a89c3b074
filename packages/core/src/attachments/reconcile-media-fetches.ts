import { JOBS } from '@hotline/contracts';
import { listMediaToFetch, type Database } from '@hotline/db';
import type { JobPublisher } from '@hotline/queue';

/** How far back a lost fetch is looked for: the provider keeps media, but not forever for us. */
const LOOK_BACK_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

/**
 * Adds again the fetch jobs of MMS files not kept yet (Redis may have lost them): their ids are
 * the ones the outbox used, so a job still in Redis (waiting, done or failed) is left alone.
 */
export async function reconcileMediaFetches(
  deps: { db: Database; publisher: JobPublisher },
  now: Date,
): Promise<{ media: number }> {
  const rows = await listMediaToFetch(deps.db, new Date(now.getTime() - LOOK_BACK_MS), BATCH);
  if (rows.length === 0) return { media: 0 };
  await deps.publisher.publish(rows.map((r) => JOBS.fetchMedia(r.id)));
  return { media: rows.length };
}

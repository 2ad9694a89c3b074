import { deleteExpiredIdempotencyKeys, type Database } from '@hotline/db';
import { IDEMPOTENCY_KEY_TTL_MS } from './run-idempotently.js';

const BATCH = 5_000;

/** Deletes the answers no retry may replay any more (older than a day); returns how many. */
export async function pruneIdempotencyKeys(deps: { db: Database }, now: Date): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
  let deleted = 0;
  for (let n = BATCH; n === BATCH; deleted += n) {
    n = await deleteExpiredIdempotencyKeys(deps.db, before, BATCH);
  }
  return deleted;
}

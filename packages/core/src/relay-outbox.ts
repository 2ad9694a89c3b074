import {
  claimPendingOutbox,
  deleteRelayedOutbox,
  recordOutboxFailure,
  type Database,
} from '@hotline/db';
import type { JobPublisher } from '@hotline/queue';

/**
 * Moves one batch of committed outbox rows into BullMQ and deletes them in the same
 * transaction that held them locked: a row that exists is a row not yet sent. If Redis
 * refuses, the rows stay and wait for the next pass.
 * Returns how many rows were relayed.
 */
export async function relayOutbox(
  deps: { db: Database; publisher: JobPublisher },
  now: Date = new Date(),
  batchSize = 200,
): Promise<number> {
  let claimed: number[] = [];
  try {
    return await deps.db.transaction(async (tx) => {
      const rows = await claimPendingOutbox(tx, batchSize);
      claimed = rows.map((r) => r.id);
      if (rows.length === 0) return 0;
      await deps.publisher.publish(
        rows.map((r) => ({
          queue: r.queue,
          name: r.jobName,
          jobId: r.jobId,
          data: r.payload,
          ...(r.runAt
            ? { delay: Math.max(0, r.runAt.getTime() - now.getTime()), timestamp: now.getTime() }
            : {}),
        })),
      );
      await deleteRelayedOutbox(tx, claimed);
      return rows.length;
    });
  } catch (err) {
    await recordOutboxFailure(deps.db, claimed, String(err)).catch(() => {});
    throw err;
  }
}

import { asc, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { outbox } from '../schema/index.js';

export interface OutboxMessage {
  id: number;
  queue: string;
  jobName: string;
  jobId: string;
  payload: unknown;
  runAt: Date | null;
}

/**
 * Locks up to `limit` pending rows, oldest first. SKIP LOCKED lets several relays run at once
 * without sending the same row twice in parallel.
 */
export async function claimPendingOutbox(tx: Executor, limit: number): Promise<OutboxMessage[]> {
  return tx
    .select({
      id: outbox.id,
      queue: outbox.queue,
      jobName: outbox.jobName,
      jobId: outbox.jobId,
      payload: outbox.payload,
      runAt: outbox.runAt,
    })
    .from(outbox)
    .orderBy(asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Removes rows whose jobs BullMQ now holds (same transaction as the claim). */
export async function deleteRelayedOutbox(tx: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.delete(outbox).where(inArray(outbox.id, [...ids]));
}

export async function recordOutboxFailure(
  db: Executor,
  ids: readonly number[],
  error: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, lastError: error.slice(0, 500) })
    .where(inArray(outbox.id, [...ids]));
}

/** Rows not yet relayed (health and tests). */
export async function countPendingOutbox(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox);
  return row?.n ?? 0;
}

export type NewOutboxMessage = Omit<OutboxMessage, 'id'>;

/** Adds work for the queues inside the caller's transaction. */
export async function insertOutbox(
  tx: Executor,
  messages: readonly NewOutboxMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  // One JSON parameter rather than a built multi-row VALUES: a change schedules several timers
  // per case, and building those rows cost more CPU than inserting them.
  const rows = messages.map((m) => ({
    queue: m.queue,
    job_name: m.jobName,
    job_id: m.jobId,
    payload: m.payload,
    run_at: m.runAt,
  }));
  await tx.execute(sql`
    insert into outbox (queue, job_name, job_id, payload, run_at)
    select queue, job_name, job_id, payload, run_at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as m(queue text, job_name text, job_id text, payload jsonb, run_at timestamptz)`);
}

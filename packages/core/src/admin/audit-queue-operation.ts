import { audit, type AdminActor, type AdminDeps } from './admin-context.js';

/** An administrator's operation on a job queue, as the queue dashboard names it. */
export interface QueueOperation {
  /** e.g. queue.pause, queue.job.retry, queue.clean */
  action: string;
  /** The queue's name; `*` for an operation on every queue. */
  queue: string;
  /** Which jobs or states it touched (ids and statuses, never a job's data). */
  details: Record<string, string>;
}

/**
 * Records an operation on a queue. Queues live in Redis, so the record follows the change
 * instead of sharing its transaction; the caller writes it before answering, so an operation
 * whose record failed is not reported as done.
 */
export async function auditQueueOperation(deps: AdminDeps, by: AdminActor, op: QueueOperation) {
  await audit(deps.db, by, op.action, 'queue', op.queue, null, op.details);
}

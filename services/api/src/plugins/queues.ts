import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAMES, type QueueName } from '@hotline/contracts';

/**
 * Read handles on every queue, for the dashboard and the metrics. The API never adds jobs to
 * them: work reaches the queues through the outbox.
 */
export function openQueues(connection: Redis, prefix: string): Map<QueueName, Queue> {
  return new Map(QUEUE_NAMES.map((name) => [name, new Queue(name, { connection, prefix })]));
}

import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAMES, type QueueName } from '@hotline/contracts';

/**
 * Read handles on every queue, for the dashboard and the metrics. The API never adds jobs to
 * them: work reaches the queues through the outbox.
 */
export function openQueues(connection: Redis, prefix: string): Map<QueueName, Queue> {
  return new Map(
    QUEUE_NAMES.map((name) => {
      const queue = new Queue(name, { connection, prefix });
      // The connection's errors are the connection's to report (its breaker logs an outage
      // once); unheard, BullMQ would print each one to the console.
      queue.on('error', () => {});
      return [name, queue];
    }),
  );
}

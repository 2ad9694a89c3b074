import { Worker, type Job, type Processor } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueName } from '@hotline/contracts';

export type { Job };

/** One BullMQ Worker for one queue, on a connection that retries forever. */
export function createQueueWorker(
  queue: QueueName,
  processor: Processor,
  options: { connection: Redis; prefix: string; concurrency?: number; lockMs?: number },
): Worker {
  return new Worker(queue, processor, {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: options.concurrency ?? 8,
    // A dead worker's jobs are found stalled and retried by the others after about this long.
    ...(options.lockMs ? { lockDuration: options.lockMs, stalledInterval: options.lockMs } : {}),
    autorun: true,
  });
}

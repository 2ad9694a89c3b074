import { Queue, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAMES, type QueueName } from '@hotline/contracts';

export interface OutgoingJob {
  queue: string;
  name: string;
  /** Deterministic id: adding a job whose id exists is a no-op in BullMQ. */
  jobId: string;
  data: unknown;
  /** Milliseconds to wait before it may run (delayed jobs: SLA timers). */
  delay?: number;
  /**
   * When `delay` was measured from (ms since epoch). BullMQ runs a delayed job at timestamp +
   * delay; without this the time spent publishing a large batch would make every timer late.
   */
  timestamp?: number;
}

export interface JobPublisher {
  publish(jobs: readonly OutgoingJob[]): Promise<void>;
  close(): Promise<void>;
}

// Completed jobs are kept a day so a re-relayed id is still recognised; failed ones a week for
// inspection.
const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/**
 * SLA timers are the bulk of what Redis holds (one per warning, deadline and rung of every
 * open case): their stored options are kept short. Their effect is idempotent, so a few quick
 * retries are enough.
 */
const QUEUE_DEFAULTS: Partial<Record<QueueName, DefaultJobOptions>> = {
  sla: {
    attempts: 5,
    backoff: { type: 'fixed', delay: 2000 },
    removeOnComplete: { age: 24 * 3600 },
    // A timer that failed every try must not keep its id: reconcile re-adds it by that id.
    removeOnFail: true,
  },
};

const PUBLISH_TIMEOUT_MS = 5000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function isQueueName(name: string): name is QueueName {
  return (QUEUE_NAMES as string[]).includes(name);
}

/** Adds jobs to BullMQ queues over one fail-fast connection. */
export function createPublisher(
  connection: Redis,
  prefix: string,
  /** Per-queue job options over the defaults (e.g. notifications' tries and backoff). */
  queueJobOptions: Partial<Record<QueueName, DefaultJobOptions>> = {},
): JobPublisher {
  const queues = new Map<QueueName, Queue>();
  const queueFor = (name: QueueName) => {
    let q = queues.get(name);
    if (!q) {
      const defaultJobOptions = {
        ...DEFAULT_JOB_OPTIONS,
        ...QUEUE_DEFAULTS[name],
        ...queueJobOptions[name],
      };
      q = new Queue(name, { connection, prefix, defaultJobOptions });
      // A lost connection reaches the caller as publish()'s rejection; unheard, BullMQ would
      // print each reconnection error's stack to stderr.
      q.on('error', () => {});
      queues.set(name, q);
    }
    return q;
  };
  return {
    async publish(jobs) {
      // BullMQ waits for a connection to become ready; a producer must fail at once instead,
      // leaving the work in the outbox for the next pass.
      if (connection.status !== 'ready') {
        throw new Error(`Redis is not available (connection ${connection.status})`);
      }
      const byQueue = new Map<QueueName, OutgoingJob[]>();
      for (const job of jobs) {
        if (!isQueueName(job.queue)) throw new Error(`unknown queue "${job.queue}"`);
        byQueue.set(job.queue, [...(byQueue.get(job.queue) ?? []), job]);
      }
      for (const [name, list] of byQueue) {
        await withTimeout(
          queueFor(name).addBulk(
            list.map((j) => ({
              name: j.name,
              data: j.data,
              opts: {
                jobId: j.jobId,
                ...(j.delay ? { delay: j.delay } : {}),
                ...(j.timestamp ? { timestamp: j.timestamp } : {}),
              },
            })),
          ),
          PUBLISH_TIMEOUT_MS,
        );
      }
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

import type { QueueOperation } from '@hotline/core';

// Route parameters worth recording; anything else (a job's data, options) stays out.
const KEPT_PARAMS = ['jobId', 'queueStatus', 'schedulerId'] as const;

/**
 * The operation a dashboard API route performs, from its route pattern relative to the
 * dashboard's API (`/queues/:queueName/:jobId/retry` → queue.job.retry on that queue).
 */
export function queueOperationOf(
  route: string,
  params: Readonly<Record<string, string | undefined>>,
): QueueOperation {
  const words = route.split('/').filter((w) => w !== '' && w !== 'queues' && !w.startsWith(':'));
  const details: Record<string, string> = {};
  for (const key of KEPT_PARAMS) {
    const value = params[key];
    if (value !== undefined) details[key] = value;
  }
  return {
    action: ['queue', ...(params.jobId !== undefined ? ['job'] : []), ...words].join('.'),
    queue: params.queueName ?? '*',
    details,
  };
}

import { describe, expect, it } from 'vitest';
import { queueOperationOf } from './queue-operation.js';

describe('queueOperationOf', () => {
  it('names an operation on one job, keeping ids and states only', () => {
    expect(
      queueOperationOf('/queues/:queueName/:jobId/retry', { queueName: 'sla', jobId: '42' }),
    ).toEqual({ action: 'queue.job.retry', queue: 'sla', details: { jobId: '42' } });
  });

  it('names an operation on a queue, or on every queue', () => {
    expect(
      queueOperationOf('/queues/:queueName/clean/:queueStatus', {
        queueName: 'routing',
        queueStatus: 'failed',
      }),
    ).toEqual({ action: 'queue.clean', queue: 'routing', details: { queueStatus: 'failed' } });
    expect(queueOperationOf('/queues/pause', {})).toEqual({
      action: 'queue.pause',
      queue: '*',
      details: {},
    });
  });
});

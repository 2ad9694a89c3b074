import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@hotline/config';
import { createQueueWorker, createRedis } from '@hotline/queue';
import { deleteRedisPrefix, freshRedisPrefix, waitFor } from '@hotline/testing';
import { retryOnConnectionLoss } from './retry-on-connection-loss.js';

/** What a query on a lost connection throws: drizzle's error around postgres.js's. */
const lostConnection = () =>
  new Error('Failed query: select 1', {
    cause: Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), {
      code: 'CONNECTION_CLOSED',
    }),
  });

describe('jobs that fail because Postgres is unreachable (real BullMQ on Redis)', () => {
  const prefix = freshRedisPrefix();
  const connection = createRedis(loadConfig().redisUrl, 'worker');
  const queue = new Queue('routing', { connection, prefix });
  afterAll(async () => {
    await queue.close();
    connection.disconnect();
    await deleteRedisPrefix(prefix);
  });

  it('are put back without spending an attempt; other failures spend theirs', async () => {
    const calls = new Map<string, number>();
    const worker = createQueueWorker(
      'routing',
      retryOnConnectionLoss()(async (job) => {
        const n = (calls.get(job.name) ?? 0) + 1;
        calls.set(job.name, n);
        if (job.name === 'outage' && n <= 3) throw lostConnection();
        if (job.name === 'bug') throw new Error('a bug of its own');
        return 'done';
      }),
      { connection: createRedis(loadConfig().redisUrl, 'worker'), prefix },
    );
    try {
      const [outage, bug] = await queue.addBulk([
        { name: 'outage', data: {}, opts: { attempts: 1 } },
        { name: 'bug', data: {}, opts: { attempts: 1 } },
      ]);
      const stateOf = async (id: string) => (await queue.getJob(id))?.getState();
      await waitFor(async () => ((await stateOf(outage!.id!)) === 'completed' ? true : undefined), {
        timeoutMs: 20_000,
        what: 'the job put back through the outage to complete',
      });
      expect(calls.get('outage')).toBe(4);
      expect((await queue.getJob(outage!.id!))?.returnvalue).toBe('done');
      await waitFor(async () => ((await stateOf(bug!.id!)) === 'failed' ? true : undefined), {
        what: 'the failing job to fail',
      });
      expect(calls.get('bug')).toBe(1);
    } finally {
      await worker.close();
      await worker.disconnect();
    }
  });
});

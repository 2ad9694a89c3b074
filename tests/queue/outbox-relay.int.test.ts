import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS } from '@hotline/contracts';
import { loadConfig } from '@hotline/config';
import { relayOutbox, routeCase, submitCase } from '@hotline/core';
import { countPendingOutbox } from '@hotline/db';
import { createPublisher, createRedis } from '@hotline/queue';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  seedSmallProvince,
  type TestDatabase,
} from '@hotline/testing';

describe('outbox relay and routing are idempotent', () => {
  let t: TestDatabase;
  const prefix = freshRedisPrefix();
  const redisUrl = loadConfig().redisUrl;
  const producer = createRedis(redisUrl, 'producer');
  const publisher = createPublisher(producer, prefix);
  const queue = new Queue('routing', { connection: createRedis(redisUrl, 'worker'), prefix });

  beforeAll(async () => {
    t = await createTestDatabase('relay');
    await seedSmallProvince(t.db);
  });
  afterAll(async () => {
    await publisher.close();
    await queue.close();
    producer.disconnect();
    await t.drop();
    await deleteRedisPrefix(prefix);
  });

  it('relaying the same outbox row twice enqueues one job', async () => {
    const submitted = await submitCase(
      { sql: t.raw, randomBytes },
      {
        body: { categoryCode: 'xay-dung', text: 'Xe quá tải làm hỏng đường liên xã.' },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      new Date(),
    );
    await t.db.execute(sql`create temporary table saved as select * from outbox`);
    expect(await relayOutbox({ db: t.db, publisher })).toBe(1);
    expect(await countPendingOutbox(t.db)).toBe(0);
    // As if the relay had crashed after enqueueing but before its commit: the row is back.
    await t.db.execute(sql`insert into outbox overriding system value select * from saved`);
    expect(await relayOutbox({ db: t.db, publisher })).toBe(1);

    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed');
    expect(counts.waiting).toBe(1);
    const [job] = await queue.getJobs(['waiting']);
    // The id the job catalog gives, though intake's SQL writes it.
    expect(job?.id).toBe(JOBS.routeCase(submitted.caseId).jobId);
    expect(job?.data).toEqual({ caseId: submitted.caseId });
  });

  it('routing a case twice appends one routed event', async () => {
    const [row] = await t.db.execute<{ id: string }>(sql`select id from cases limit 1`);
    const first = await routeCase({ db: t.db }, row!.id, new Date());
    const second = await routeCase({ db: t.db }, row!.id, new Date());
    expect(first.outcome).toBe('routed');
    expect(second.outcome).toBe('already_routed');
    const [n] = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from case_events where type = 'routed'`,
    );
    expect(n?.n).toBe(1);
  });

  it('routing the same case concurrently still appends one routed event', async () => {
    const submitted = await submitCase(
      { sql: t.raw, randomBytes },
      {
        body: { categoryCode: 'moi-truong', text: 'Khói bụi từ nhà máy gạch gây ô nhiễm.' },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      new Date(),
    );
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => routeCase({ db: t.db }, submitted.caseId, new Date())),
    );
    expect(outcomes.filter((o) => o.outcome === 'routed')).toHaveLength(1);
    const [n] = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from case_events where type = 'routed' and case_id = ${submitted.caseId}`,
    );
    expect(n?.n).toBe(1);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@hotline/config';
import { countPendingOutbox } from '@hotline/db';
import { startTcpProxy, waitFor, type TcpProxy } from '@hotline/testing';
import { routedEventsPerCase } from '../support/routed.js';
import { getJson, postJson, startSystem, type TestSystem } from '../support/system.js';

describe('Redis down: intake keeps answering, nothing is lost', () => {
  let proxy: TcpProxy;
  let sys: TestSystem;
  beforeAll(async () => {
    const redis = new URL(loadConfig().redisUrl);
    proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    sys = await startSystem({ listen: true, redisUrl: proxy.url('redis'), label: 'redisdown' });
  });
  afterAll(async () => {
    // A failed test may leave Redis cut, and the worker cannot close without it.
    proxy.restore();
    await sys.close();
    await proxy.close();
  });

  // How fast intake answers without Redis is measured by bench:intake, not asserted here.
  it('answers 201 while Redis is unreachable, and routes every case once when it returns', async () => {
    proxy.cut();
    for (let i = 0; i < 20; i++) {
      const res = await postJson(sys.baseUrl, '/v1/cases', {
        categoryCode: 'moi-truong',
        text: `Nước thải chảy ra kênh, lần ${i}.`,
      });
      expect(res.status).toBe(201);
    }

    const ready = await getJson(sys.baseUrl, '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toEqual({ postgres: 'up', redis: 'down' });

    // The relay keeps trying and fails fast; the work stays in Postgres.
    const { db } = sys.database;
    await new Promise((r) => setTimeout(r, 1500));
    expect(await countPendingOutbox(db)).toBe(20);
    const [failed] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from outbox where last_error is not null`,
    );
    expect(failed?.n).toBeGreaterThan(0);

    proxy.restore();
    await waitFor(async () => ((await countPendingOutbox(db)) === 0 ? true : undefined), {
      timeoutMs: 20_000,
      what: 'outbox drained',
    });
    const perCase = await routedEventsPerCase(db, 20);
    expect(perCase).toHaveLength(20);
    expect(perCase.every((n) => n === 1)).toBe(true);
    // The API's own connection comes back on its retry schedule (within ~2 s), maybe after
    // the worker's drained the outbox.
    await waitFor(
      async () => ((await getJson(sys.baseUrl, '/readyz')).status === 200 ? true : undefined),
      { timeoutMs: 10_000, what: 'the API ready again' },
    );
  });
});

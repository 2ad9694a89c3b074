import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@hotline/api';
import { createLogger, loadConfigWith } from '@hotline/config';
import { createDatabase, type DatabaseHandle } from '@hotline/db';
import { createRedis } from '@hotline/queue';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  seedSmallProvince,
  startTcpProxy,
  type TcpProxy,
  type TestDatabase,
} from '@hotline/testing';

// Postgres unreachable is the dependency's fault, not ours: 503 with Retry-After, never 500.
describe('Postgres down: 503 with Retry-After, in the error shape', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let handle: DatabaseHandle;
  let redis: Redis;
  let api: FastifyInstance;
  const prefix = freshRedisPrefix();

  beforeAll(async () => {
    database = await createTestDatabase('dbdown');
    await seedSmallProvince(database.db);
    const direct = new URL(database.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(database.url);
    proxied.host = `127.0.0.1:${proxy.port}`;
    handle = createDatabase(proxied.toString(), { max: 2 });
    const config = loadConfigWith({ DATABASE_URL: proxied.toString(), REDIS_PREFIX: prefix });
    redis = createRedis(config.redisUrl, 'probe');
    redis.on('error', () => {});
    api = await buildApp({
      config,
      db: handle.db,
      sql: handle.raw,
      redis,
      logger: createLogger(config),
    });
  });
  afterAll(async () => {
    await api.close();
    redis.disconnect();
    await handle.close();
    await database.drop();
    await deleteRedisPrefix(prefix);
  });

  const requests: {
    method: 'GET' | 'POST';
    url: string;
    payload?: object;
    headers?: Record<string, string>;
  }[] = [
    { method: 'GET', url: '/v1/categories' },
    {
      method: 'POST',
      url: '/v1/cases',
      payload: { categoryCode: 'xay-dung', text: 'Công trình xây dựng gây ồn ban đêm.' },
    },
    // Under an idempotency key, intake runs as a transaction of several statements.
    {
      method: 'POST',
      url: '/v1/cases',
      headers: { 'idempotency-key': 'b3f1c2a4-0d4e-4f55-9a8b-2c1d3e4f5a6b' },
      payload: { categoryCode: 'xay-dung', text: 'Công trình xây dựng gây bụi cả ngày.' },
    },
  ];

  it('answers 503 with Retry-After while Postgres is unreachable', async () => {
    // Both pools hold connections when Postgres goes away, as in a running service; then
    // connections are refused. (A server that accepts and drops each connection instead is
    // retried by postgres.js with its backoff, about half a minute, before the same 503.)
    expect((await api.inject(requests[0]!)).statusCode).toBe(200);
    const created = await api.inject(requests[1]!);
    expect(created.statusCode).toBe(201);
    requests.push({
      method: 'GET',
      url: `/v1/cases/${created.json<{ trackingCode: string }>().trackingCode}`,
    });
    await proxy.close();
    for (const request of requests) {
      const res = await api.inject(request);
      expect(res.statusCode, `${request.url}: ${res.body}`).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.json()).toMatchObject({ statusCode: 503, code: 'DEPENDENCY_UNAVAILABLE' });
    }
    // The citizen portal's pages too, as a page.
    const page = await api.inject({ method: 'GET', url: '/cong-khai' });
    expect(page.statusCode).toBe(503);
    expect(page.headers['retry-after']).toBeDefined();
    const open311 = await api.inject({ method: 'GET', url: '/open311/v2/services.json' });
    expect(open311.statusCode).toBe(503);
    expect(open311.headers['retry-after']).toBeDefined();
  });
});

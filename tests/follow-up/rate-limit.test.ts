import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@hotline/api';
import { createLogger, loadConfigWith } from '@hotline/config';
import { createRedis } from '@hotline/queue';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  seedSmallProvince,
  type TestDatabase,
} from '@hotline/testing';
import { getJson, postJson } from '../support/system.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('rate limits: per IP and per case for one-time codes, in Redis', () => {
  // The API alone, with small limits and a short window.
  const sys = { baseUrl: '' };
  let database: TestDatabase;
  let api: FastifyInstance;
  const prefix = freshRedisPrefix();
  const redis = createRedis(loadConfigWith({}).redisUrl, 'probe');
  beforeAll(async () => {
    database = await createTestDatabase('ratelimit');
    await seedSmallProvince(database.db);
    const config = loadConfigWith({
      DATABASE_URL: database.url,
      REDIS_PREFIX: prefix,
      RATE_LIMIT_PER_MINUTE: '3',
      RATE_LIMIT_READS_PER_MINUTE: '5',
      RATE_LIMIT_WINDOW_MS: '1500',
      OTP_SEND_LIMIT: '2',
      OTP_SEND_WINDOW_MS: '1500',
    });
    redis.on('error', () => {});
    const logger = createLogger(config);
    api = await buildApp({ config, db: database.db, sql: database.raw, redis, logger });
    await api.listen({ host: '127.0.0.1', port: 0 });
    sys.baseUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await api.close();
    redis.disconnect();
    await database.drop();
    await deleteRedisPrefix(prefix);
  });

  const submit = (i: number) =>
    postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'moi-truong',
      text: `Phản ánh số ${i} về rác.`,
    });

  it('answers 429 with Retry-After past the limit, and recovers after the window', async () => {
    await sleep(1600);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await submit(i)).status);
    expect(statuses).toEqual([201, 201, 201]);
    const res = await fetch(`${sys.baseUrl}/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ categoryCode: 'moi-truong', text: 'Phản ánh thứ tư về rác.' }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await res.json()) as { code: string }).code).toBe('RATE_LIMITED');
    // Reads have their own budget.
    expect((await getJson(sys.baseUrl, '/v1/published-cases')).status).toBe(200);
    await sleep(1600);
    expect((await submit(5)).status).toBe(201);
    // Probes are never limited.
    for (let i = 0; i < 10; i++) expect((await fetch(`${sys.baseUrl}/healthz`)).status).toBe(200);
  });

  it('limits one-time codes per case, whatever the IP budget', async () => {
    await sleep(1600);
    const created = await submit(10);
    const code = created.body!.trackingCode as string;
    await sleep(1600);
    const a = await postJson(sys.baseUrl, `/v1/cases/${code}/otp`, {});
    const b = await postJson(sys.baseUrl, `/v1/cases/${code}/otp`, {});
    const c = await fetch(`${sys.baseUrl}/v1/cases/${code}/otp`, { method: 'POST' });
    expect([a.status, b.status, c.status]).toEqual([202, 202, 429]);
    expect(Number(c.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await sleep(1600);
    expect((await postJson(sys.baseUrl, `/v1/cases/${code}/otp`, {})).status).toBe(202);
  });
});

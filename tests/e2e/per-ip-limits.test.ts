import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@hotline/api';
import { createLogger, loadConfigWith } from '@hotline/config';
import { createRedis } from '@hotline/queue';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  type TestDatabase,
} from '@hotline/testing';

/** Two reads per address per minute: the third tells whether two requests shared a budget. */
const READS = '2';

describe('per-IP limits: whose address a request counts against', () => {
  let database: TestDatabase;
  const redis = createRedis(loadConfigWith({}).redisUrl, 'probe');
  const apps: FastifyInstance[] = [];
  const prefixes: string[] = [];

  async function api(env: Record<string, string> = {}) {
    const prefix = freshRedisPrefix();
    prefixes.push(prefix);
    const config = loadConfigWith({
      DATABASE_URL: database.url,
      REDIS_PREFIX: prefix,
      RATE_LIMIT_READS_PER_MINUTE: READS,
      RATE_LIMIT_WINDOW_MS: '60000',
      ...env,
    });
    const app = await buildApp({
      config,
      db: database.db,
      sql: database.raw,
      redis,
      logger: createLogger(config),
    });
    apps.push(app);
    return (remoteAddress: string, forwardedFor?: string) =>
      app
        .inject({
          method: 'GET',
          url: '/v1/published-cases',
          remoteAddress,
          headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
        })
        .then((r) => r.statusCode);
  }

  beforeAll(async () => {
    redis.on('error', () => {});
    database = await createTestDatabase('per_ip');
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    redis.disconnect();
    await database.drop();
    await Promise.all(prefixes.map((p) => deleteRedisPrefix(p)));
  });

  it('counts two IPv6 addresses of one /64 as one client, another /64 apart', async () => {
    const read = await api();
    expect(await read('2001:db8:7:1::10')).toBe(200);
    expect(await read('2001:db8:7:1:8a2e:370:7334:1')).toBe(200);
    expect(await read('2001:db8:7:1:ffff:ffff:ffff:ffff')).toBe(429);
    expect(await read('2001:db8:7:2::10')).toBe(200);
  });

  it('counts an IPv4-mapped IPv6 address as the IPv4 address', async () => {
    const read = await api();
    expect(await read('192.0.2.50')).toBe(200);
    expect(await read('::ffff:192.0.2.50')).toBe(200);
    expect(await read('192.0.2.50')).toBe(429);
    expect(await read('192.0.2.51')).toBe(200);
  });

  it('without TRUST_PROXY, ignores X-Forwarded-For: a client cannot pick its address', async () => {
    const read = await api();
    expect(await read('198.51.100.9', '203.0.113.1')).toBe(200);
    expect(await read('198.51.100.9', '203.0.113.2')).toBe(200);
    expect(await read('198.51.100.9', '203.0.113.3')).toBe(429);
  });

  it('behind TRUST_PROXY=1, counts the client the load balancer forwarded', async () => {
    const read = await api({ TRUST_PROXY: '1' });
    const balancer = '10.0.0.2';
    expect(await read(balancer, '203.0.113.1')).toBe(200);
    expect(await read(balancer, '203.0.113.1')).toBe(200);
    expect(await read(balancer, '203.0.113.1')).toBe(429);
    // Another citizen behind the same balancer has a budget of their own.
    expect(await read(balancer, '203.0.113.2')).toBe(200);
    // Only the last hop is believed: a forged left-most entry changes nothing.
    expect(await read(balancer, '192.0.2.77, 203.0.113.1')).toBe(429);
  });

  it('behind TRUST_PROXY=<CIDR>, believes only proxies inside it', async () => {
    const read = await api({ TRUST_PROXY: '10.0.0.0/8' });
    expect(await read('10.1.2.3', '203.0.113.5')).toBe(200);
    expect(await read('10.9.9.9', '203.0.113.5')).toBe(200);
    expect(await read('10.1.2.3', '203.0.113.5')).toBe(429);
    // A request from outside the proxies' range counts as itself, whatever it claims.
    expect(await read('198.51.100.20', '203.0.113.6')).toBe(200);
    expect(await read('198.51.100.20', '203.0.113.7')).toBe(200);
    expect(await read('198.51.100.20', '203.0.113.8')).toBe(429);
  });
});

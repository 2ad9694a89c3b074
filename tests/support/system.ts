import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@hotline/api';
import { createLogger, loadConfigWith, type AppConfig } from '@hotline/config';
import { credentialCache } from '@hotline/db';
import { createRedis, whenRedisReady } from '@hotline/queue';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  seedSmallProvince,
  TEST_ADMIN_TOKEN,
  type SmallProvince,
  type TestDatabase,
} from '@hotline/testing';
import { startWorker, type RunningWorker } from '@hotline/worker';
import { serveByInject } from './inject-fetch.js';

/** An administrator's admin-scoped API token, seeded with the small province. */
export { TEST_ADMIN_TOKEN };

/** The whole system in-process on a fresh database and Redis prefix. */
export interface TestSystem {
  config: AppConfig;
  database: TestDatabase;
  province: SmallProvince;
  /**
   * Where the API answers: fetch() to it goes through `api.inject` (tests/support/inject-fetch.ts),
   * or over TCP to a real port when started with `listen: true`.
   */
  baseUrl: string;
  api: FastifyInstance;
  startWorker: () => void;
  stopWorker: () => Promise<void>;
  close: () => Promise<void>;
}

export async function startSystem(
  options: {
    withWorker?: boolean;
    redisUrl?: string;
    redisPrefix?: string;
    label?: string;
    /**
     * A real port on 127.0.0.1, for what does not call this process's fetch: a browser, a
     * child process, a raw socket. Otherwise fetch() to baseUrl is answered in-process.
     */
    listen?: boolean;
    /** More settings, as environment variables. */
    env?: Record<string, string>;
    /** Where the API's and the worker's log lines go (a test reading them); stdout otherwise. */
    logTo?: Parameters<typeof createLogger>[2];
  } = {},
): Promise<TestSystem> {
  const database = await createTestDatabase(options.label ?? 'e2e');
  const province = await seedSmallProvince(database.db);
  const prefix = options.redisPrefix ?? freshRedisPrefix();
  const config = loadConfigWith({
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    // A routed case, a notification, a timer is in Redis within 50 ms instead of 200: most
    // tests with the worker wait for one of these, often several times.
    OUTBOX_POLL_MS: '50',
    PORT: '0',
    // Files a test uploads go to a folder of its own, removed with the system.
    ATTACHMENTS_DIR: join(tmpdir(), `hotline-attachments-${prefix}`),
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  });
  const logger = createLogger(config, {}, options.logTo);
  const redis = createRedis(config.redisUrl, 'probe');
  redis.on('error', () => {});
  // As server.ts does, and longer: a busy test machine may take seconds to connect.
  await whenRedisReady(redis, 30_000);
  // As server.ts runs it: officials and tokens kept in memory until Postgres announces a change.
  const credentials = credentialCache(database.url);
  const api = await buildApp({
    config,
    db: database.db,
    sql: database.raw,
    redis,
    logger,
    credentials,
  });
  let baseUrl: string;
  let stopServing = () => {};
  if (options.listen) {
    await api.listen({ host: '127.0.0.1', port: 0 });
    const { port } = api.server.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
  } else {
    ({ baseUrl, stop: stopServing } = serveByInject(api));
  }
  // The worker cannot see where the API listens (port 0 is picked at listen): like a deployment
  // would with PUBLIC_BASE_URL, tell it, so the links in its messages work.
  const workerConfig = config.hasPublicBaseUrl ? config : { ...config, publicBaseUrl: baseUrl };

  let worker: RunningWorker | null = null;
  const system: TestSystem = {
    config,
    database,
    province,
    baseUrl,
    api,
    startWorker() {
      worker ??= startWorker(workerConfig, logger);
    },
    async stopWorker() {
      await worker?.close();
      worker = null;
    },
    async close() {
      await system.stopWorker();
      stopServing();
      await api.close();
      await credentials.close();
      redis.disconnect();
      await database.drop();
      await deleteRedisPrefix(prefix);
      await rm(config.attachments.dir, { recursive: true, force: true });
    },
  };
  if (options.withWorker !== false) system.startWorker();
  return system;
}

/** POSTs JSON (or a raw string) and returns status and parsed body. */
export async function postJson(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) {
  const res = await fetch(baseUrl + path, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

export async function getJson(baseUrl: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(baseUrl + path, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A request with the test administrator's admin-scoped token and a JSON body. */
export async function adminRequest(baseUrl: string, method: string, path: string, body?: unknown) {
  const res = await fetch(baseUrl + path, {
    method,
    headers: {
      authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

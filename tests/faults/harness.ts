import { sql as drizzleSql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { tables } from '@hotline/db';
import {
  createTestDatabase,
  freeTcpPort,
  freshRedisPrefix,
  seedSmallProvince,
  startPrivateRedis,
  startTcpProxy,
  TEST_ADMIN_TOKEN,
  waitFor,
  type PrivateRedis,
  type SmallProvince,
  type TcpProxy,
  type TestDatabase,
} from '@hotline/testing';
import { fastPolicy as policy } from '../support/fast-clocks.js';
import { settings } from './fault-settings.js';
import { Service } from './service.js';
import { startSmsGateway, type SmsGateway } from './sms-gateway.js';

/** The Twilio auth token the API checks signatures with (the suite signs with it too). */
export const TWILIO_TOKEN = 'fault-suite-twilio-token';
/**
 * The load's categories, in turn: `xay-dung` has clocks of seconds, `moi-truong` of hours (see
 * settings.policy); the storm has a category and a policy of its own.
 */
export const LOAD_CATEGORIES = ['xay-dung', 'moi-truong', 'moi-truong', 'moi-truong'] as const;
const LONG_CATEGORY = 'moi-truong';
export const STORM_CATEGORY = 'bao-han';

const ALL_DAY = [{ start: '00:00', end: '24:00' }];

export interface Harness {
  database: TestDatabase;
  province: SmallProvince;
  prefix: string;
  redis: PrivateRedis;
  /** A direct connection to the private Redis (not through the proxy): the suite's own. */
  redisClient: Redis;
  pgProxy: TcpProxy;
  redisProxy: TcpProxy;
  gateway: SmsGateway;
  api: Service;
  worker: Service;
  baseUrl: string;
  /** /readyz of the API answers 200 (and the worker's, when it has one: see `workerReadyz`). */
  isReady: () => Promise<boolean>;
  close: () => Promise<void>;
}

export interface HarnessOptions {
  /**
   * Where the worker answers its own /readyz, once it has one: the environment variable that
   * sets its port, and the path. Null: the worker counts as ready while its process runs.
   */
  workerReadyz: { portVariable: string; path: string } | null;
}

async function answers200(url: string) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

async function admin(baseUrl: string, method: string, path: string, body: unknown) {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

/**
 * The system under test: a database and a Redis prefix of its own, a private redis-server,
 * the API and the worker as separate processes reaching Postgres and Redis through proxies
 * the suite controls, a stand-in SMS gateway, and clocks in seconds (a 24/7 calendar and
 * SLA policies whose deadlines fall due during the run).
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const database = await createTestDatabase('faults');
  const province = await seedSmallProvince(database.db);
  const { db } = database;
  await db
    .insert(tables.categories)
    .values({ code: STORM_CATEGORY, name: 'Bão hạn', sortOrder: 50 });
  // Leaders for every rung of the ladder (the department's comes with the small province).
  const [provinceUnit] = await db.execute<{ id: string }>(
    drizzleSql`select id from admin_units where code = 'province'`,
  );
  await db.insert(tables.officials).values([
    {
      unitId: provinceUnit!.id,
      fullName: 'Chủ tịch Tỉnh',
      email: 'chairman@test.gov.vn',
      phone: '+84912000002',
      roles: ['unit_leader', 'hotline_owner'],
    },
    {
      unitId: province.triageUnitId,
      fullName: 'Giám đốc Trung tâm',
      email: 'director@test.gov.vn',
      phone: '+84912000003',
      roles: ['unit_leader'],
    },
  ]);

  const redis = await startPrivateRedis();
  const redisClient = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  redisClient.on('error', () => {});
  const direct = new URL(database.url);
  const pgProxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const redisProxy = await startTcpProxy({ host: '127.0.0.1', port: redis.port });
  const proxiedDb = new URL(database.url);
  proxiedDb.host = `127.0.0.1:${pgProxy.port}`;
  const gateway = await startSmsGateway();
  const prefix = freshRedisPrefix();
  const port = await freeTcpPort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const common = {
    DATABASE_URL: proxiedDb.toString(),
    DATABASE_POOL_SIZE: '6',
    REDIS_URL: redisProxy.url('redis'),
    REDIS_PREFIX: prefix,
    PUBLIC_BASE_URL: baseUrl,
    TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    SMS_REPLY_MODE: 'outbound',
    // The production default, not the test runner's patient one: a hung Redis must cost the
    // request path milliseconds here.
    REDIS_REQUEST_TIMEOUT_MS: '300',
  };
  const api = new Service('api', 'services/api/src/server.ts', {
    ...common,
    PORT: String(port),
    // One address sends all the load: per-IP limits would refuse it. Each request has a
    // phone of its own, retried a few times at most.
    RATE_LIMIT_PER_MINUTE: '0',
    PHONE_CASE_LIMIT: '1000',
  });
  const workerPort = options.workerReadyz ? await freeTcpPort() : null;
  const worker = new Service('worker', 'services/worker/src/main.ts', {
    ...common,
    ...(options.workerReadyz && workerPort
      ? { [options.workerReadyz.portVariable]: String(workerPort) }
      : {}),
    OUTBOX_POLL_MS: '100',
    // A killed worker's jobs are taken over after this long.
    JOB_LOCK_MS: '2000',
    RECONCILE_EVERY_MS: String(settings.reconcileEveryMs),
    SMS_PROVIDER: 'http',
    SMS_HTTP_URL: gateway.url,
    SMS_HTTP_TOKEN: gateway.token,
    NOTIFICATION_BACKOFF_MS: '200',
  });

  const isReady = async () =>
    (await answers200(`${baseUrl}/readyz`)) &&
    (options.workerReadyz && workerPort
      ? await answers200(`http://127.0.0.1:${workerPort}${options.workerReadyz.path}`)
      : worker.isRunning);

  api.start();
  await waitFor(async () => ((await answers200(`${baseUrl}/readyz`)) ? true : undefined), {
    timeoutMs: 60_000,
    intervalMs: 200,
    what: 'the API ready',
  }).catch((err: Error) => {
    throw new Error(`${err.message}; its output:\n${api.output()}`);
  });
  // Clocks in seconds, set before the worker routes anything.
  await admin(baseUrl, 'POST', '/v1/admin/calendars', {
    id: 'always',
    name: '24/7',
    parentId: 'default',
    weekly: Array.from({ length: 7 }, () => ALL_DAY),
    holidays: { enabled: false },
  });
  await db.update(tables.adminUnits).set({ calendarId: 'always' });
  await admin(baseUrl, 'POST', '/v1/admin/sla-policies', policy(null, settings.policy));
  await admin(
    baseUrl,
    'POST',
    '/v1/admin/sla-policies',
    policy(LONG_CATEGORY, settings.longPolicy),
  );
  await admin(
    baseUrl,
    'POST',
    '/v1/admin/sla-policies',
    policy(STORM_CATEGORY, settings.stormPolicy),
  );
  worker.start();
  await waitFor(async () => ((await isReady()) ? true : undefined), {
    timeoutMs: 60_000,
    intervalMs: 200,
    what: 'the worker ready',
  });

  return {
    database,
    province,
    prefix,
    redis,
    redisClient,
    pgProxy,
    redisProxy,
    gateway,
    api,
    worker,
    baseUrl,
    isReady,
    async close() {
      pgProxy.restore();
      pgProxy.resume();
      redisProxy.restore();
      redisProxy.resume();
      await Promise.all([api.kill('SIGKILL'), worker.kill('SIGKILL')]);
      redisClient.disconnect();
      await redis.stop();
      await Promise.all([pgProxy.close(), redisProxy.close(), gateway.close()]);
      await database.drop();
    },
  };
}

import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '@hotline/api';
import { createLogger, loadConfigWith, type AppConfig } from '@hotline/config';
import type { NotificationProviders, SmsMessage } from '@hotline/core';
import { tables } from '@hotline/db';
import { createRedis } from '@hotline/queue';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  seedSmallProvince,
  startTcpProxy,
  waitFor,
  type SmallProvince,
  type TcpProxy,
  type TestDatabase,
} from '@hotline/testing';
import { startWorker } from '@hotline/worker';

export type NotificationRow = typeof tables.notifications.$inferSelect;

/**
 * The API (in-process, `inject`) and the worker on a fresh database and Redis prefix, with the
 * worker's log lines captured and, optionally, fake providers for the outside systems.
 */
export interface NotificationSystem {
  config: AppConfig;
  database: TestDatabase;
  province: SmallProvince;
  api: FastifyInstance;
  /** The worker's way to Postgres, when asked for (`workerDatabaseProxy`): cut it to fail its writes. */
  workerDatabase: TcpProxy | null;
  /** Everything the worker and the API logged, as JSON lines. */
  logs: () => string;
  submitCase: (body: Record<string, unknown>) => Promise<{ trackingCode: string; caseId: string }>;
  notificationsOf: (caseId: string) => Promise<NotificationRow[]>;
  waitForStatus: (id: string, status: string, timeoutMs?: number) => Promise<NotificationRow>;
  close: () => Promise<void>;
}

export async function startNotificationSystem(options: {
  label: string;
  env?: Record<string, string>;
  providers?: Partial<NotificationProviders>;
  /** The worker reaches Postgres through a TCP proxy the test may cut (the API does not). */
  workerDatabaseProxy?: boolean;
}): Promise<NotificationSystem> {
  const database = await createTestDatabase(options.label);
  const province = await seedSmallProvince(database.db);
  const prefix = freshRedisPrefix();
  const config = loadConfigWith({
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    OUTBOX_POLL_MS: '50',
    LOG_LEVEL: 'info',
    LOG_PRETTY: 'false',
    NOTIFICATION_BACKOFF_MS: '50',
    ...options.env,
  });
  const lines: string[] = [];
  const logger = createLogger(config, {}, { write: (s: string) => void lines.push(s) });
  const redis = createRedis(config.redisUrl, 'probe');
  redis.on('error', () => {});
  const api = await buildApp({ config, db: database.db, sql: database.raw, redis, logger });
  let workerDatabase: TcpProxy | null = null;
  let workerConfig = config;
  if (options.workerDatabaseProxy) {
    const url = new URL(database.url);
    workerDatabase = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = '127.0.0.1';
    url.port = String(workerDatabase.port);
    workerConfig = { ...config, databaseUrl: url.toString() };
  }
  const worker = startWorker(workerConfig, logger, { providers: options.providers });
  const { db } = database;

  const notificationsOf = (caseId: string) =>
    db
      .select()
      .from(tables.notifications)
      .where(sql`${tables.notifications.caseId} = ${caseId}`)
      .orderBy(tables.notifications.template, tables.notifications.channel);

  return {
    config,
    database,
    province,
    api,
    workerDatabase,
    logs: () => lines.join(''),
    async submitCase(body) {
      const res = await api.inject({ method: 'POST', url: '/v1/cases', payload: body });
      if (res.statusCode !== 201) throw new Error(`intake answered ${res.statusCode}: ${res.body}`);
      const trackingCode = res.json<{ trackingCode: string }>().trackingCode;
      const [row] = await db.execute<{ id: string }>(
        sql`select id from cases where tracking_code = ${trackingCode.replace('-', '')}`,
      );
      return { trackingCode, caseId: row!.id };
    },
    notificationsOf,
    waitForStatus: (id, status, timeoutMs = 15_000) =>
      waitFor(
        async () => {
          const [row] = await db
            .select()
            .from(tables.notifications)
            .where(sql`${tables.notifications.id} = ${id}`);
          return row?.status === status ? row : undefined;
        },
        { timeoutMs, what: `notification ${id} ${status}` },
      ),
    async close() {
      workerDatabase?.restore();
      await worker.close();
      await workerDatabase?.close();
      await api.close();
      redis.disconnect();
      await database.drop();
      await deleteRedisPrefix(prefix);
    },
  };
}

/** Waits until the case has a notification of this template and channel, and returns it. */
export function waitForNotification(
  sys: NotificationSystem,
  caseId: string,
  template: string,
  channel: string,
): Promise<NotificationRow> {
  return waitFor(
    async () =>
      (await sys.notificationsOf(caseId)).find(
        (n) => n.template === template && n.channel === channel,
      ),
    { timeoutMs: 15_000, what: `${template}/${channel} for case ${caseId}` },
  );
}

/** An SMS gateway double: fails the first `failures(to)` sends to a number, counts every call. */
export class FakeSmsGateway {
  /** Like most SMS APIs, it cannot drop a repeat. */
  readonly idempotencyKey = null;
  readonly calls: SmsMessage[] = [];
  readonly delivered: SmsMessage[] = [];
  private readonly times = new Map<SmsMessage, number>();
  private readonly seen = new Map<string, number>();

  constructor(private failuresFor: (to: string) => number) {}

  setFailures(failuresFor: (to: string) => number) {
    this.failuresFor = failuresFor;
    this.seen.clear();
  }

  callsTo(to: string) {
    return this.calls.filter((c) => c.to === to).length;
  }

  /** When a call was made (performance.now()). */
  timeOf(message: SmsMessage): number {
    return this.times.get(message) ?? NaN;
  }

  async send(message: SmsMessage) {
    this.calls.push(message);
    this.times.set(message, performance.now());
    const n = (this.seen.get(message.to) ?? 0) + 1;
    this.seen.set(message.to, n);
    if (n <= this.failuresFor(message.to)) {
      throw new Error(`gateway unavailable (rejected ${message.to})`);
    }
    this.delivered.push(message);
    return { providerMessageId: `fake-${this.delivered.length}` };
  }
}

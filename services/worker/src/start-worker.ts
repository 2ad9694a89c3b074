import type { AppConfig, Logger } from '@hotline/config';
import { createDatabase } from '@hotline/db';
import { Queue, type Processor, type Worker } from 'bullmq';
import { planDailyDigest, rebuildLostJobs, reconcileSlaTimers } from '@hotline/core';
import type { QueueName } from '@hotline/contracts';
import { createPublisher, createQueueWorker, createRedis } from '@hotline/queue';
import { startOutboxRelay } from './outbox-relay.js';
import { watchRedisCanary } from './redis-canary.js';
import { reconcileProcessor } from './processors/reconcile.processor.js';
import { routeCaseProcessor } from './processors/route-case.processor.js';
import { matchTextsProcessor } from './processors/match-texts.processor.js';
import { fetchMediaProcessor } from './processors/fetch-media.processor.js';
import { httpMediaDownload } from './media/http-media-download.js';
import { slaTimerProcessor } from './processors/sla-timer.processor.js';
import { sendNotificationProcessor } from './processors/send-notification.processor.js';
import { createProviders, type NotificationProviders } from './notifications/create-providers.js';
import { retryOnConnectionLoss } from './retry-on-connection-loss.js';
import { watchDependencies, type Readiness } from './readiness.js';

export interface RunningWorker {
  /** Postgres, Redis and the queue workers, probed now: what /readyz answers. */
  readiness(): Promise<Readiness>;
  close(): Promise<void>;
}

/** How often the worker probes Postgres and Redis, to say when either is lost or back. */
const PROBE_EVERY_MS = 2000;

/** Starts the outbox relay and one BullMQ worker per queue. */
export function startWorker(
  config: AppConfig,
  log: Logger,
  /** Replaces providers of outside systems (tests fake the SMS gateway). */
  overrides: {
    providers?: Partial<NotificationProviders>;
    /** Told each time this worker rebuilt Redis's jobs after a loss (tests count them). */
    onRedisRebuilt?: (counts: Record<string, number>) => void;
  } = {},
): RunningWorker {
  const database = createDatabase(config.databaseUrl, {
    max: config.databasePoolSize.worker,
    applicationName: 'hotline-worker',
  });
  const { db } = database;
  const producer = createRedis(config.redisUrl, 'producer');
  const consumer = createRedis(config.redisUrl, 'worker');
  for (const conn of [producer, consumer]) {
    conn.on('error', (err: Error) => log.debug({ err: err.message }, 'redis connection error'));
  }
  const { attempts, backoffMs } = config.notifications;
  const publisher = createPublisher(producer, config.redisPrefix, {
    notifications: { attempts, backoff: { type: 'exponential', delay: backoffMs } },
  });
  const relay = startOutboxRelay({
    db,
    publisher,
    log: log.child({ component: 'outbox-relay' }),
    pollMs: config.outboxPollMs,
  });

  const workers: Worker[] = [];
  const retrying = retryOnConnectionLoss();
  const addWorker = (queue: QueueName, processor: Processor, concurrency: number) => {
    const worker = createQueueWorker(queue, retrying(processor), {
      connection: consumer,
      prefix: config.redisPrefix,
      concurrency,
      lockMs: config.jobLockMs,
    });
    worker.on('failed', (job, err) =>
      log.warn(
        { queue, jobId: job?.id, attempts: job?.attemptsMade, err: err.message },
        'job failed',
      ),
    );
    worker.on('error', (err) => log.debug({ queue, err: err.message }, 'worker error'));
    workers.push(worker);
  };
  const changeDeps = {
    db,
    publicBaseUrl: config.publicBaseUrl,
    timeZone: config.displayTimeZone,
    smsReceiptInReply: config.sms.replyMode === 'twiml',
  };
  addWorker(
    'routing',
    routeCaseProcessor(changeDeps, config.routingBatch),
    config.concurrency.routing,
  );
  // One at a time: each is one statement of a few milliseconds on Postgres, and a backlog
  // only means a case's page compares its text on first view.
  addWorker('matching', matchTextsProcessor({ db }), 1);
  addWorker('sla', slaTimerProcessor(changeDeps, config.slaBatch), config.concurrency.sla);
  const download = httpMediaDownload({
    auth: config.sms.twilioMediaAuth,
    timeoutMs: config.sms.mediaFetchTimeoutMs,
  });
  addWorker(
    'media',
    fetchMediaProcessor(
      { db, dir: config.attachments.dir, limits: config.attachments, download },
      log.child({ component: 'media' }),
    ),
    2,
  );
  const providers = createProviders(
    config.notifications,
    log.child({ component: 'notify' }),
    overrides.providers,
  );
  const foldSmsToAscii = config.notifications.smsFoldAscii;
  addWorker(
    'notifications',
    sendNotificationProcessor({ db, providers, foldSmsToAscii }),
    config.concurrency.notifications,
  );
  const reconcile = reconcileProcessor({
    db,
    publisher,
    log: log.child({ component: 'reconcile' }),
    redis: producer,
    prefix: config.redisPrefix,
    everyMs: config.reconcileEveryMs,
  });
  const digestLog = log.child({ component: 'daily-digest' });
  // One queue for the scheduled jobs; the job's name says which.
  addWorker(
    'maintenance',
    async (job) => {
      if (job.name !== 'daily-digest') return reconcile();
      const planned = await planDailyDigest({ db }, new Date(), config.displayTimeZone);
      digestLog.info(planned, 'daily digest planned');
      return planned;
    },
    1,
  );

  // One schedule cluster-wide (BullMQ job schedulers are upserted by id).
  const maintenance = new Queue('maintenance', {
    connection: producer,
    prefix: config.redisPrefix,
  });
  // Without a listener an 'error' event (Redis lost) would be thrown, and kill the process.
  maintenance.on('error', (err) => log.debug({ err: err.message }, 'maintenance queue error'));
  const schedule = () =>
    Promise.all([
      maintenance.upsertJobScheduler(
        'reconcile',
        { every: config.reconcileEveryMs },
        { name: 'reconcile', data: {} },
      ),
      maintenance.upsertJobScheduler(
        'daily-digest',
        { pattern: config.digestCron, tz: config.displayTimeZone },
        { name: 'daily-digest', data: {} },
      ),
    ]).catch((err: Error) => log.warn({ err: err.message }, 'could not schedule maintenance'));
  void schedule();
  // The schedule lives in Redis: if Redis loses everything it is gone too, and nothing in Redis
  // could bring it back. Re-asserting it from each worker (an idempotent upsert) is what does.
  const keepScheduled = setInterval(() => void schedule(), config.reconcileEveryMs);
  // Whatever Redis lost (while this worker was down, or while it runs) is rebuilt from Postgres
  // as soon as a canary check sees it: the first check is now. A Redis that kept its data needs
  // no full rebuild at start, only the periodic incremental pass.
  const canary = watchRedisCanary({
    redis: producer,
    prefix: config.redisPrefix,
    checkMs: config.redisCanaryCheckMs,
    log: log.child({ component: 'redis-canary' }),
    rebuild: async (now) => {
      await schedule();
      return rebuildLostJobs({ db, publisher }, now);
    },
    complete: (now, signal) => reconcileSlaTimers({ db, publisher }, now, 5000, signal),
    ...(overrides.onRedisRebuilt ? { onRebuilt: overrides.onRedisRebuilt } : {}),
  });
  // At each (re)connection too: a Redis that restarted empty is seen as soon as it is back.
  producer.on('ready', () => void canary.checkNow());

  // Probes on a connection of their own (see watchDependencies).
  const probeDatabase = createDatabase(config.databaseUrl, {
    max: 1,
    applicationName: 'hotline-worker-probe',
  });
  const watch = watchDependencies({
    db: probeDatabase.db,
    redis: producer,
    workers: () => workers,
    log,
    everyMs: PROBE_EVERY_MS,
  });

  return {
    readiness: () => watch.check(),
    async close() {
      watch.stop();
      clearInterval(keepScheduled);
      await relay.stop();
      await canary.stop();
      await Promise.all(workers.map((w) => w.close()));
      await maintenance.close();
      await publisher.close();
      providers.close();
      producer.disconnect();
      consumer.disconnect();
      await Promise.all([database.close(), probeDatabase.close()]);
    },
  };
}

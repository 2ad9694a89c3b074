import type { AppConfig, Logger } from '@hotline/config';
import { createDatabase } from '@hotline/db';
import { createPublisher, createQueueWorker, createRedis } from '@hotline/queue';
import { startOutboxRelay } from './outbox-relay.js';
import { routeCaseProcessor } from './processors/route-case.processor.js';

export interface RunningWorker {
  close(): Promise<void>;
}

/** Starts the outbox relay and one BullMQ worker per queue. */
export function startWorker(config: AppConfig, log: Logger): RunningWorker {
  const database = createDatabase(config.databaseUrl, {
    max: config.databasePoolSize,
    applicationName: 'hotline-worker',
  });
  const { db } = database;
  const producer = createRedis(config.redisUrl, 'producer');
  const consumer = createRedis(config.redisUrl, 'worker');
  for (const conn of [producer, consumer]) {
    conn.on('error', (err: Error) => log.debug({ err: err.message }, 'redis connection error'));
  }
  const publisher = createPublisher(producer, config.redisPrefix);
  const relay = startOutboxRelay({
    db,
    publisher,
    log: log.child({ component: 'outbox-relay' }),
    pollMs: config.outboxPollMs,
  });

  const routing = createQueueWorker('routing', routeCaseProcessor({ db }), {
    connection: consumer,
    prefix: config.redisPrefix,
  });
  routing.on('failed', (job, err) =>
    log.warn(
      { queue: 'routing', jobId: job?.id, attempts: job?.attemptsMade, err: err.message },
      'job failed',
    ),
  );
  routing.on('error', (err) => log.debug({ err: err.message }, 'routing worker error'));

  return {
    async close() {
      await relay.stop();
      await routing.close();
      await publisher.close();
      producer.disconnect();
      consumer.disconnect();
      await database.close();
    },
  };
}

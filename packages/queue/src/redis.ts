import { Redis, type RedisOptions } from 'ioredis';

export type RedisRole = 'producer' | 'worker' | 'probe';

/**
 * Redis connections by role. Workers block on Redis and must retry forever
 * (`maxRetriesPerRequest: null`, as BullMQ requires). Producers and probes fail fast
 * (`enableOfflineQueue: false`): a Redis outage must surface as an error at once, never as
 * commands piling up in memory while a caller waits.
 */
export function createRedis(url: string, role: RedisRole, extra: RedisOptions = {}): Redis {
  const common: RedisOptions = {
    connectionName: `hotline-${role}`,
    // Reconnect with a capped backoff; BullMQ resumes by itself once Redis is back.
    retryStrategy: (attempt) => Math.min(200 * attempt, 2000),
    ...extra,
  };
  const options: RedisOptions =
    role === 'worker'
      ? { ...common, maxRetriesPerRequest: null }
      : {
          ...common,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 2000,
          commandTimeout: 2000,
        };
  return new Redis(url, options);
}

/**
 * Resolves true once `redis` is ready, or false after `timeoutMs` (it keeps connecting). A
 * process waits for it before taking requests, so that the first requests after a start are
 * not refused only because the connection was still being made (commands are not queued).
 */
export function whenRedisReady(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    redis.once('ready', onReady);
  });
}

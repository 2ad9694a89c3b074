export { createRedis, whenRedisReady, type RedisRole } from './redis.js';
export {
  guardRedis,
  isRedisUnavailable,
  RedisUnavailableError,
  REDIS_RETRY_AFTER_SECONDS,
  type RedisBreaker,
  type RedisBreakerSettings,
  type RedisBreakerStats,
} from './redis-breaker.js';
export { createPublisher, type JobPublisher, type OutgoingJob } from './publisher.js';
export { createQueueWorker, type Job } from './worker-factory.js';

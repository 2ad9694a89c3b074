export { createRedis, type RedisRole } from './redis.js';
export { createPublisher, type JobPublisher, type OutgoingJob } from './publisher.js';
export { createQueueWorker, type Job } from './worker-factory.js';

export { listQueue, newQueueCountCache, DEFAULT_QUEUE_LIMIT } from './list-case-queue.js';
export { QueueCountCache } from './count-cache.js';
export { encodeQueueCursor, decodeQueueCursor } from './queue-cursor.js';

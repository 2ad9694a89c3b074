export { listQueue, DEFAULT_QUEUE_LIMIT } from './list-case-queue.js';
export { encodeQueueCursor, decodeQueueCursor } from './queue-cursor.js';

import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig } from '@hotline/config';

/** A BullMQ prefix no other test or the demo uses (a Redis Cluster hash tag, like production). */
export function freshRedisPrefix(): string {
  return `{hotline-test-${process.pid}-${randomBytes(4).toString('hex')}}`;
}

/** Deletes every key under the prefix. */
export async function deleteRedisPrefix(
  prefix: string,
  url = loadConfig().redisUrl,
): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

import type { Redis } from 'ioredis';
import type { OtpEntry, OtpStore } from '@hotline/core';

// A wrong try on a code that has just expired must not create a key without a time to live.
const FAIL = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {0, 0} end
local tries = redis.call('HINCRBY', KEYS[1], 'tries', 1)
return {tries, redis.call('PTTL', KEYS[1])}`;

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/** One-time codes in Redis: a hash per case under the deployment's prefix, expiring by itself. */
export function redisOtpStore(redis: Redis, prefix: string): OtpStore {
  const key = (caseId: string) => `${prefix}:otp:${caseId}`;
  return {
    async get(caseId): Promise<OtpEntry | null> {
      const [[, values], [, ttl]] = (await redis
        .multi()
        .hmget(key(caseId), 'hash', 'tries')
        .pttl(key(caseId))
        .exec()) as [[unknown, (string | null)[]], [unknown, number]];
      const [hash, tries] = values;
      if (!hash || ttl <= 0) return null;
      return { hash, tries: Number(tries ?? 0), ttlSeconds: seconds(ttl) };
    },
    async put(caseId, hash, ttlSeconds) {
      await redis
        .multi()
        .hset(key(caseId), 'hash', hash)
        .hsetnx(key(caseId), 'tries', '0')
        .expire(key(caseId), ttlSeconds)
        .exec();
    },
    async fail(caseId) {
      const [tries, ttl] = (await redis.eval(FAIL, 1, key(caseId))) as [number, number];
      return { tries, ttlSeconds: seconds(ttl) };
    },
  };
}

import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  ACCOUNT_CEILING,
  ACCOUNT_WINDOW_MS,
  ADDRESS_CEILING,
  ADDRESS_WINDOW_MS,
  SOURCE_MEMORY_MS,
  type SignInAttemptKeys,
  type SignInAttempts,
} from '@hotline/core';

/**
 * Failed sign-ins in Redis, shared by every API process: per account and source a count and
 * the last failure's time (kept a day after the last failure, forgotten at a success); per
 * account and per address the latest failures' times, only as many as the ceiling needs and
 * only within the window, so a flood cannot grow them.
 */
export function redisSignInAttempts(redis: Redis, prefix: string): SignInAttempts {
  const pairKey = (k: SignInAttemptKeys) => `${prefix}:sign-in:pair:${k.account}|${k.source}`;
  const accountKey = (k: SignInAttemptKeys) => `${prefix}:sign-in:account:${k.account}`;
  const addressKey = (k: SignInAttemptKeys) => `${prefix}:sign-in:address:${k.address}`;
  const timesOf = (flat: string[]) => flat.filter((_, i) => i % 2 === 1).map(Number);

  return {
    async read(keys, now) {
      const at = now.getTime();
      const results = await redis
        .multi()
        .hmget(pairKey(keys), 'n', 'last')
        .zrangebyscore(accountKey(keys), at - ACCOUNT_WINDOW_MS, '+inf', 'WITHSCORES')
        .zrangebyscore(addressKey(keys), at - ADDRESS_WINDOW_MS, '+inf', 'WITHSCORES')
        .exec();
      if (!results) throw new Error('sign-in attempts: the transaction was discarded');
      for (const [err] of results) if (err) throw err;
      const [n, last] = results[0]![1] as [string | null, string | null];
      return {
        sourceFailures: Number(n ?? 0),
        lastSourceFailureAt: last === null ? null : Number(last),
        accountFailureTimes: timesOf(results[1]![1] as string[]),
        addressFailureTimes: timesOf(results[2]![1] as string[]),
      };
    },
    async fail(keys, now) {
      const at = now.getTime();
      // Members must differ for failures within one millisecond.
      const member = `${at}:${randomBytes(4).toString('hex')}`;
      const window = (key: string, windowMs: number, keep: number) =>
        [
          ['zadd', key, at, member],
          ['zremrangebyscore', key, '-inf', at - windowMs],
          ['zremrangebyrank', key, 0, -(keep + 1)],
          ['pexpire', key, windowMs],
        ] as const;
      await redis
        .multi([
          ['hincrby', pairKey(keys), 'n', 1],
          ['hset', pairKey(keys), 'last', at],
          ['pexpire', pairKey(keys), SOURCE_MEMORY_MS],
          ...window(accountKey(keys), ACCOUNT_WINDOW_MS, ACCOUNT_CEILING),
          ...window(addressKey(keys), ADDRESS_WINDOW_MS, ADDRESS_CEILING),
        ] as (string | number)[][])
        .exec();
    },
    async succeed(keys) {
      await redis.del(pairKey(keys));
    },
  };
}

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { loadConfig } from '@hotline/config';
import { createRedis, guardRedis, RedisUnavailableError, type RedisBreaker } from '@hotline/queue';
import {
  deleteRedisPrefix,
  freshRedisPrefix,
  startTcpProxy,
  waitFor,
  type TcpProxy,
} from '@hotline/testing';

const FAILURES = 3;

/** The breaker on a connection through a proxy that can hang or cut the shared Redis. */
describe('the request-path Redis breaker', () => {
  const prefix = freshRedisPrefix();
  let proxy: TcpProxy;
  let redis: Redis;
  let breaker: RedisBreaker;
  beforeAll(async () => {
    const target = new URL(loadConfig().redisUrl);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    redis = createRedis(proxy.url('redis'), 'probe');
    redis.on('error', () => {});
    breaker = guardRedis(redis, { commandTimeoutMs: 200, failures: FAILURES, probeEveryMs: 100 });
    await waitFor(async () => (redis.status === 'ready' ? true : undefined));
  });
  afterEach(async () => {
    proxy.restore();
    await waitFor(async () => (breaker.isOpen ? undefined : true), { what: 'breaker closed' });
  });
  afterAll(async () => {
    redis.disconnect();
    await proxy.close();
    await deleteRedisPrefix(prefix);
  });

  const failure = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (err: unknown) => err,
    );

  it('opens after consecutive timeouts, then refuses every command unsent, a MULTI whole', async () => {
    const before = breaker.stats();
    proxy.hang();
    for (let i = 0; i < FAILURES; i++) {
      expect(await failure(redis.get(`${prefix}:x`))).toBeInstanceOf(RedisUnavailableError);
    }
    expect(breaker.stats()).toMatchObject({
      state: 'open',
      openings: before.openings + 1,
      failed: before.failed + FAILURES,
    });
    const refused = await failure(
      redis.multi().set(`${prefix}:refused`, 'x').incr(`${prefix}:n`).exec(),
    );
    expect(refused).toBeInstanceOf(RedisUnavailableError);
    // Four commands (MULTI, SET, INCR, EXEC), none sent, none waited for.
    expect(breaker.stats().refused - before.refused).toBe(4);
    expect(breaker.stats().failed).toBe(before.failed + FAILURES);

    proxy.restore();
    await waitFor(async () => (breaker.isOpen ? undefined : true), { what: 'breaker closed' });
    // The refused transaction never reached Redis.
    expect(await redis.exists(`${prefix}:refused`, `${prefix}:n`)).toBe(0);
  });

  it('takes an error reply for an answer', async () => {
    const before = breaker.stats();
    for (let i = 0; i < FAILURES + 1; i++) {
      const err = await failure(redis.call('no-such-command'));
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(RedisUnavailableError);
    }
    expect(breaker.stats()).toEqual({ ...before, state: 'closed' });
  });

  it('does not take a reply read late, behind a busy event loop, for a timeout', async () => {
    // Straight to Redis: the proxy would wait for the loop too, and the reply with it.
    const direct = createRedis(loadConfig().redisUrl, 'probe');
    try {
      const guard = guardRedis(direct, { commandTimeoutMs: 100, failures: 1, probeEveryMs: 100 });
      await waitFor(async () => (direct.status === 'ready' ? true : undefined));
      const pending = direct.set(`${prefix}:busy`, 'y');
      // Longer than the timeout: the reply is in the socket well before the loop is free again.
      // Busy in the check phase, so that the loop's next turn runs the expired timers first.
      await new Promise<void>((resolve) =>
        setImmediate(() => {
          const until = performance.now() + 500;
          while (performance.now() < until);
          resolve();
        }),
      );
      expect(await pending).toBe('OK');
      expect(guard.stats()).toMatchObject({ state: 'closed', failed: 0 });
    } finally {
      direct.disconnect();
    }
  });

  it('with Redis down, fails at once, opens, and closes once it is back', async () => {
    const before = breaker.stats();
    proxy.cut();
    await waitFor(async () => (redis.status === 'ready' ? undefined : true));
    for (let i = 0; i < FAILURES; i++) {
      expect(await failure(redis.get(`${prefix}:x`))).toBeInstanceOf(RedisUnavailableError);
    }
    expect(breaker.stats()).toMatchObject({ state: 'open', openings: before.openings + 1 });
    proxy.restore();
    await waitFor(async () => (breaker.isOpen ? undefined : true), {
      what: 'breaker closed',
      timeoutMs: 15_000,
    });
    expect(await redis.set(`${prefix}:back`, 'z')).toBe('OK');
  });
});

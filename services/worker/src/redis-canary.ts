import { randomUUID } from 'node:crypto';
import type { Logger } from '@hotline/config';
import type { createRedis } from '@hotline/queue';

type Redis = ReturnType<typeof createRedis>;

/** Where the canary, the rebuild's lock and the reconcile's watermark live, under the prefix. */
export const canaryKeys = (prefix: string) => ({
  canary: `${prefix}:canary`,
  lock: `${prefix}:canary:rebuild-lock`,
  /** When the last reconcile pass (or rebuild) started: the next pass looks back from it. */
  watermark: `${prefix}:reconcile:last-pass`,
});

// The lock is short and renewed while the rebuild runs: a worker that dies mid-rebuild leaves
// it to another within LOCK_MS.
const LOCK_MS = 30_000;

// Only the rebuild that still holds its lock marks Redis whole again: if Redis lost its data
// once more while we rebuilt, the lock went with it and the rebuild must run again.
const FINISH = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[2])
  redis.call('SET', KEYS[3], ARGV[3])
  redis.call('DEL', KEYS[1])
  return 1
end
return 0`;
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export type CanaryCheck = 'present' | 'rebuilt' | 'rebuilding-elsewhere' | 'unreachable';

export interface RedisCanary {
  /** Checks once now (a check under way is awaited instead). */
  checkNow(): Promise<CanaryCheck>;
  stop(): Promise<void>;
}

/**
 * Notices within `checkMs` that Redis lost its data, instead of at the next reconcile. A key
 * written once Redis holds every job (the canary) is read by each worker every `checkMs`: it is
 * gone exactly when Redis was flushed, restarted empty or failed over to an empty replica, since
 * it lives and dies with the jobs. Then one worker (the one that takes the lock) rebuilds every
 * job from Postgres and writes the canary again; the others go on working meanwhile.
 */
export function watchRedisCanary(deps: {
  redis: Redis;
  prefix: string;
  checkMs: number;
  log: Logger;
  /** Puts back from Postgres every job due soon; returns what it counted. */
  rebuild: (now: Date) => Promise<Record<string, number>>;
  /**
   * Then, once Redis is marked whole, a pass over every open case for timers overdue longer
   * than the rebuild looks back (seconds at a million cases: only the coming hour's and past
   * timers are added). It runs beside the checks, so a loss during it is noticed as quickly.
   */
  complete?: (now: Date, signal: AbortSignal) => Promise<Record<string, number>>;
  /** Told each time this worker rebuilt Redis (tests count them). */
  onRebuilt?: (counts: Record<string, number>) => void;
}): RedisCanary {
  const { redis, log } = deps;
  const keys = canaryKeys(deps.prefix);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<CanaryCheck> | null = null;
  const completing = new Set<Promise<void>>();
  const closing = new AbortController();

  function complete(started: Date) {
    if (!deps.complete) return;
    const done = deps
      .complete(started, closing.signal)
      .then((counts) => {
        if (closing.signal.aborted) return;
        const ms = Date.now() - started.getTime();
        log.warn({ ...counts, ms }, 'Redis rebuilt from Postgres: every open case read');
      })
      .catch((err: Error) => {
        // The periodic pass offers each timer again before it comes due.
        log.warn({ err: err.message }, 'full timer rebuild failed');
      })
      .finally(() => completing.delete(done));
    completing.add(done);
  }

  async function rebuildHoldingLock(token: string): Promise<CanaryCheck> {
    let renewal: NodeJS.Timeout | undefined;
    try {
      renewal = setInterval(() => {
        redis.eval(RENEW, 1, keys.lock, token, LOCK_MS).catch(() => undefined);
      }, LOCK_MS / 3);
      for (let round = 1; ; round++) {
        const started = new Date();
        log.warn({ round }, 'Redis lost its data; rebuilding timers and jobs from Postgres');
        const counts = await deps.rebuild(started);
        const runId = `${randomUUID()} ${started.toISOString()}`;
        const args = [token, runId, started.toISOString()];
        const finished = await redis.eval(
          FINISH,
          3,
          keys.lock,
          keys.canary,
          keys.watermark,
          ...args,
        );
        const ms = Date.now() - started.getTime();
        if (finished === 1) {
          log.warn({ ...counts, ms, round }, 'Redis rebuilt from Postgres');
          deps.onRebuilt?.(counts);
          complete(started);
          return 'rebuilt';
        }
        log.warn({ ...counts, ms, round }, 'Redis lost its data again while being rebuilt');
        if ((await redis.set(keys.lock, token, 'PX', LOCK_MS, 'NX')) !== 'OK') {
          return 'rebuilding-elsewhere';
        }
      }
    } catch (err) {
      await redis.eval(RELEASE, 1, keys.lock, token).catch(() => undefined);
      throw err;
    } finally {
      clearInterval(renewal);
    }
  }

  async function check(): Promise<CanaryCheck> {
    try {
      if ((await redis.get(keys.canary)) !== null) return 'present';
      const token = randomUUID();
      if ((await redis.set(keys.lock, token, 'PX', LOCK_MS, 'NX')) !== 'OK') {
        return 'rebuilding-elsewhere';
      }
      return await rebuildHoldingLock(token);
    } catch (err) {
      // Redis down or Postgres down: the next check tries again.
      log.warn({ err: (err as Error).message }, 'Redis canary check failed');
      return 'unreachable';
    }
  }

  function checkNow(): Promise<CanaryCheck> {
    running ??= check().finally(() => {
      running = null;
    });
    return running;
  }

  function loop() {
    timer = setTimeout(() => {
      void checkNow().finally(() => {
        if (!stopped) loop();
      });
    }, deps.checkMs);
  }
  loop();

  return {
    checkNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      closing.abort();
      await running;
      await Promise.all(completing);
    },
  };
}

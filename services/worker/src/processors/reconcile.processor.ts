import type { Logger } from '@hotline/config';
import {
  pruneIdempotencyKeys,
  reconcileMediaFetches,
  reconcileNotifications,
  reconcileRecentSlaTimers,
  reconcileSlaTimers,
  relayOutbox,
  TIMER_HORIZON_MS,
} from '@hotline/core';
import { MAX_DUE_WINDOW_MS, type Database } from '@hotline/db';
import type { createRedis, JobPublisher } from '@hotline/queue';
import { canaryKeys } from '../redis-canary.js';

/**
 * How far before the last pass the next one looks again: a change is stamped with its time
 * before it commits, so one committed just after a pass may carry an earlier time.
 */
export const RECONCILE_OVERLAP_MS = 60_000;

/**
 * `maintenance/reconcile`: relays any outbox row left behind, then adds the SLA timers of the
 * open cases changed since the last pass or due within the horizon (the queue holds no others;
 * each pass brings in those coming within it), and the fetches of MMS files not kept yet (a
 * no-op for jobs Redis still holds); gives unsent notifications left untouched a new send job
 * and deletes the idempotency keys no retry may use any more. Without a last pass to start
 * from (the first ever, or one too long ago) it rebuilds every open case's timers. Redis losing
 * everything is not waited for here: the canary notices it within seconds.
 */
export const reconcileProcessor =
  (deps: {
    db: Database;
    publisher: JobPublisher;
    log: Logger;
    redis: ReturnType<typeof createRedis>;
    prefix: string;
    everyMs: number;
  }) =>
  async () => {
    const started = Date.now();
    let relayed = 0;
    for (let n = await relayOutbox(deps); n > 0; n = await relayOutbox(deps)) relayed += n;
    const now = new Date();
    const { watermark } = canaryKeys(deps.prefix);
    const last = Date.parse((await deps.redis.get(watermark)) ?? '');
    const since = last - RECONCILE_OVERLAP_MS;
    // The whole horizon, not only until the next pass: a pass that comes late still finds every
    // timer due meanwhile in Redis already.
    const dueUntil = now.getTime() + TIMER_HORIZON_MS;
    const isIncremental = Number.isFinite(last) && dueUntil - since <= MAX_DUE_WINDOW_MS;
    const rebuilt = isIncremental
      ? await reconcileRecentSlaTimers(deps, now, {
          since: new Date(since),
          dueUntil: new Date(dueUntil),
        })
      : await reconcileSlaTimers(deps, now);
    const { media } = await reconcileMediaFetches(deps, now);
    const { notifications } = await reconcileNotifications(deps, now);
    const idempotencyKeys = await pruneIdempotencyKeys(deps, now);
    await deps.redis.set(watermark, now.toISOString());
    const result = {
      pass: isIncremental ? 'incremental' : 'full',
      relayed,
      ...rebuilt,
      media,
      notifications,
      idempotencyKeys,
      ms: Date.now() - started,
    };
    deps.log.info(result, 'reconciled');
    return result;
  };

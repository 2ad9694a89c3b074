import type { Logger } from '@hotline/config';
import {
  pruneIdempotencyKeys,
  reconcileMediaFetches,
  reconcileNotifications,
  reconcileSlaTimers,
  relayOutbox,
} from '@hotline/core';
import type { Database } from '@hotline/db';
import type { JobPublisher } from '@hotline/queue';

/**
 * `maintenance/reconcile`: relays any outbox row left behind, then rebuilds every open case's
 * SLA timers and the fetches of MMS files not kept yet from Postgres (a no-op for jobs Redis
 * still holds), gives unsent notifications left untouched a new send job, and deletes the
 * idempotency keys no retry may use any more.
 */
export const reconcileProcessor =
  (deps: { db: Database; publisher: JobPublisher; log: Logger }) => async () => {
    let relayed = 0;
    for (let n = await relayOutbox(deps); n > 0; n = await relayOutbox(deps)) relayed += n;
    const rebuilt = await reconcileSlaTimers(deps, new Date());
    const { media } = await reconcileMediaFetches(deps, new Date());
    const { notifications } = await reconcileNotifications(deps, new Date());
    const idempotencyKeys = await pruneIdempotencyKeys(deps, new Date());
    deps.log.info({ relayed, ...rebuilt, media, notifications, idempotencyKeys }, 'reconciled');
    return { relayed, ...rebuilt, media, notifications, idempotencyKeys };
  };

import type { Logger } from '@hotline/config';
import {
  pruneIdempotencyKeys,
  reconcileMediaFetches,
  reconcileSlaTimers,
  relayOutbox,
} from '@hotline/core';
import type { Database } from '@hotline/db';
import type { JobPublisher } from '@hotline/queue';

/**
 * `maintenance/reconcile`: relays any outbox row left behind, then rebuilds every open case's
 * SLA timers and the fetches of MMS files not kept yet from Postgres (a no-op for jobs Redis
 * still holds); deletes the idempotency keys no retry may use any more.
 */
export const reconcileProcessor =
  (deps: { db: Database; publisher: JobPublisher; log: Logger }) => async () => {
    let relayed = 0;
    for (let n = await relayOutbox(deps); n > 0; n = await relayOutbox(deps)) relayed += n;
    const rebuilt = await reconcileSlaTimers(deps, new Date());
    const { media } = await reconcileMediaFetches(deps, new Date());
    const idempotencyKeys = await pruneIdempotencyKeys(deps, new Date());
    deps.log.info({ relayed, ...rebuilt, media, idempotencyKeys }, 'reconciled');
    return { relayed, ...rebuilt, media, idempotencyKeys };
  };

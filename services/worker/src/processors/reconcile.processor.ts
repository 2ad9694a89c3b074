import type { Logger } from '@hotline/config';
import { reconcileSlaTimers, relayOutbox } from '@hotline/core';
import type { Database } from '@hotline/db';
import type { JobPublisher } from '@hotline/queue';

/**
 * `maintenance/reconcile`: relays any outbox row left behind, then rebuilds every open case's
 * SLA timers from Postgres (a no-op for timers Redis still holds).
 */
export const reconcileProcessor =
  (deps: { db: Database; publisher: JobPublisher; log: Logger }) => async () => {
    let relayed = 0;
    for (let n = await relayOutbox(deps); n > 0; n = await relayOutbox(deps)) relayed += n;
    const rebuilt = await reconcileSlaTimers(deps, new Date());
    deps.log.info({ relayed, ...rebuilt }, 'reconciled');
    return { relayed, ...rebuilt };
  };

import { JOBS } from '@hotline/contracts';
import { listUnroutedCaseIds, listUnsentNotificationIds, type Database } from '@hotline/db';
import { TIMER_HORIZON_MS } from '@hotline/domain';
import type { JobPublisher, OutgoingJob } from '@hotline/queue';
import { reconcileMediaFetches } from './attachments/reconcile-media-fetches.js';
import { relayOutbox } from './relay-outbox.js';
import { reconcileRecentSlaTimers } from './sla/reconcile-sla-timers.js';

const CHUNK = 1000;
const HOUR = 3_600_000;

/**
 * The timers put back: those the queue holds (due within the horizon), and those due in the
 * last day (a backlog Redis held when it lost its data). The full pass that follows reads every
 * open case for an older backlog still.
 */
export const URGENT_TIMERS = { lookBackMs: 24 * HOUR, aheadMs: TIMER_HORIZON_MS };

async function publishInChunks(publisher: JobPublisher, jobs: readonly OutgoingJob[]) {
  for (let i = 0; i < jobs.length; i += CHUNK) await publisher.publish(jobs.slice(i, i + CHUNK));
  return jobs.length;
}

/**
 * Puts back in BullMQ, from Postgres alone, every job Redis held when it lost its data that is
 * due soon: the outbox rows not relayed yet, the routing of cases not routed yet, the
 * notifications not sent yet, the MMS files not fetched yet, and the SLA timers due within the
 * horizon or in the last day (URGENT_TIMERS; the caller then runs the full `reconcileSlaTimers`).
 * The ids are the ones the outbox gave, so what Redis still holds is left alone. (Matching jobs
 * are not rebuilt: a case whose match was lost has its texts compared when its page is opened.)
 */
export async function rebuildLostJobs(deps: { db: Database; publisher: JobPublisher }, now: Date) {
  let relayed = 0;
  for (let n = await relayOutbox(deps, now); n > 0; n = await relayOutbox(deps, now)) relayed += n;
  // Routing and messages first: they are due now, whereas most timers are days away.
  const routing = await publishInChunks(
    deps.publisher,
    // The id intake's outbox row gave it (its SQL writes JOBS.routeCase's id).
    (await listUnroutedCaseIds(deps.db)).map((caseId) => JOBS.routeCase(caseId)),
  );
  const notifications = await publishInChunks(
    deps.publisher,
    (await listUnsentNotificationIds(deps.db)).map((id) => JOBS.sendNotification(id)),
  );
  const { media } = await reconcileMediaFetches(deps, now);
  const { cases, timers } = await reconcileRecentSlaTimers(deps, now, {
    since: new Date(now.getTime() - URGENT_TIMERS.lookBackMs),
    dueUntil: new Date(now.getTime() + URGENT_TIMERS.aheadMs),
    // A change's timers due soon are among the due ones; the rest can wait for the full pass.
    changedSince: now,
  });
  return { relayed, routing, notifications, media, cases, timers };
}

import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

// The job catalog: every queue, its jobs and their payloads. Payloads carry ids, never
// personal data (they sit in Redis and in logs).
export const RouteCaseJob = Type.Object({ caseId: SafeString({ format: 'uuid' }) });
export type RouteCaseJob = Static<typeof RouteCaseJob>;

/** One SLA moment of a case (a warning, a deadline, an escalation rung) for one generation. */
export const SlaTimerJob = Type.Object({
  caseId: SafeString({ format: 'uuid' }),
  generation: Type.Integer({ minimum: 0 }),
  kind: SafeString({ maxLength: 64 }),
  dueAt: SafeString({ format: 'date-time' }),
});
export type SlaTimerJob = Static<typeof SlaTimerJob>;

/**
 * Every timer of every case due in [from, until): one job however many cases share the slot,
 * run at `until` (so none early). A storm of deadlines due in the same second is a few jobs.
 */
export const SlaSlotJob = Type.Object({
  from: SafeString({ format: 'date-time' }),
  until: SafeString({ format: 'date-time' }),
});
export type SlaSlotJob = Static<typeof SlaSlotJob>;

export const SendNotificationJob = Type.Object({ notificationId: SafeString({ format: 'uuid' }) });
export type SendNotificationJob = Static<typeof SendNotificationJob>;

/** Looks for the cases whose text resembles this one's (the case page's related cases). */
export const MatchTextsJob = Type.Object({ caseId: SafeString({ format: 'uuid' }) });
export type MatchTextsJob = Static<typeof MatchTextsJob>;

/** Fetches an MMS attachment's media from the provider and keeps it (see fetchMmsMedia). */
export const FetchMediaJob = Type.Object({ attachmentId: SafeString({ format: 'uuid' }) });
export type FetchMediaJob = Static<typeof FetchMediaJob>;

export const MaintenanceJob = Type.Object({});

export const JOB_CATALOG = {
  routing: { 'route-case': RouteCaseJob },
  matching: { 'match-texts': MatchTextsJob },
  sla: { 'check-deadline': SlaTimerJob, 'fire-slot': SlaSlotJob },
  notifications: { send: SendNotificationJob },
  media: { 'fetch-mms-media': FetchMediaJob },
  maintenance: { reconcile: MaintenanceJob, 'daily-digest': MaintenanceJob },
} as const;

export type QueueName = keyof typeof JOB_CATALOG;
export type JobName<Q extends QueueName> = keyof (typeof JOB_CATALOG)[Q] & string;
export const QUEUE_NAMES = Object.keys(JOB_CATALOG) as QueueName[];

/** A job as it is published: queue and name from the catalog, a deterministic id, a payload. */
export interface CatalogJob<Q extends QueueName = QueueName, D = unknown> {
  queue: Q;
  name: JobName<Q>;
  jobId: string;
  data: D;
}

/**
 * The jobs other than SLA timers (core's sla-timer-jobs), each built in one place. Ids name
 * what the job is about, so publishing or relaying twice enqueues once; never a row's own id,
 * which a restored database would hand out again while Redis still remembers it.
 */
export const JOBS = {
  routeCase: (caseId: string): CatalogJob<'routing', RouteCaseJob> => ({
    queue: 'routing',
    name: 'route-case',
    jobId: `route-case-${caseId}`,
    data: { caseId },
  }),
  matchTexts: (caseId: string): CatalogJob<'matching', MatchTextsJob> => ({
    queue: 'matching',
    name: 'match-texts',
    jobId: `match-${caseId}`,
    data: { caseId },
  }),
  /**
   * An administrator's retry adds a suffix to the id: BullMQ still remembers the failed job
   * under the plain one.
   */
  sendNotification: (
    notificationId: string,
    retrySuffix?: string,
  ): CatalogJob<'notifications', SendNotificationJob> => ({
    queue: 'notifications',
    name: 'send',
    jobId: retrySuffix ? `notify-${notificationId}-${retrySuffix}` : `notify-${notificationId}`,
    data: { notificationId },
  }),
  fetchMedia: (attachmentId: string): CatalogJob<'media', FetchMediaJob> => ({
    queue: 'media',
    name: 'fetch-mms-media',
    jobId: `fetch-media-${attachmentId}`,
    data: { attachmentId },
  }),
};

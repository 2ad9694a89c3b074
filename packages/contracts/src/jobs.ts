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

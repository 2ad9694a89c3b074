import Type, { type Static } from 'typebox';

// The job catalog: every queue, its jobs and their payloads. Payloads carry ids, never
// personal data (they sit in Redis and in logs).
export const RouteCaseJob = Type.Object({ caseId: Type.String({ format: 'uuid' }) });
export type RouteCaseJob = Static<typeof RouteCaseJob>;

export const JOB_CATALOG = {
  routing: { 'route-case': RouteCaseJob },
} as const;

export type QueueName = keyof typeof JOB_CATALOG;
export type JobName<Q extends QueueName> = keyof (typeof JOB_CATALOG)[Q] & string;
export const QUEUE_NAMES = Object.keys(JOB_CATALOG) as QueueName[];

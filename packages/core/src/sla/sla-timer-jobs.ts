import type { NewOutboxMessage } from '@hotline/db';
import type { SlaTimer } from '@hotline/domain';
import type { OutgoingJob } from '@hotline/queue';

// Short codes keep the id (stored three times per timer in Redis) small.
const KIND_CODES: Record<string, string> = {
  'warn:acceptance': 'wa',
  'warn:first_response': 'wf',
  'warn:resolution': 'wr',
  'due:acceptance': 'da',
  'due:first_response': 'df',
  'due:resolution': 'dr',
};

/** The job id of a timer: the case, the deadline generation and the moment's kind. */
export const slaTimerJobId = (caseId: string, generation: number, kind: string) =>
  `t-${caseId.replaceAll('-', '')}-${generation}-${KIND_CODES[kind] ?? kind.replace(':', '')}`;

const payload = (
  caseId: string,
  generation: number,
  t: SlaTimer | { kind: string; at: string },
) => ({
  caseId,
  generation,
  kind: t.kind,
  dueAt: typeof t.at === 'string' ? t.at : t.at.toISOString(),
});

/** Outbox rows scheduling a generation's timers (written with the change that set them). */
export function slaTimerOutbox(
  caseId: string,
  generation: number,
  timers: readonly SlaTimer[],
): NewOutboxMessage[] {
  return timers.map((t) => ({
    queue: 'sla',
    jobName: 'check-deadline',
    jobId: slaTimerJobId(caseId, generation, t.kind),
    payload: payload(caseId, generation, t),
    runAt: t.at,
  }));
}

/** The same timers as BullMQ jobs, for reconcile. */
export function slaTimerJobs(
  caseId: string,
  generation: number,
  timers: readonly { kind: string; at: string }[],
  now: Date,
): OutgoingJob[] {
  return timers.map((t) => ({
    queue: 'sla',
    name: 'check-deadline',
    jobId: slaTimerJobId(caseId, generation, t.kind),
    data: payload(caseId, generation, t),
    delay: Math.max(0, Date.parse(t.at) - now.getTime()),
    timestamp: now.getTime(),
  }));
}

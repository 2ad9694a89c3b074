import type { NewOutboxMessage } from '@hotline/db';
import type { SlaTimer } from '@hotline/domain';
import type { OutgoingJob } from '@hotline/queue';

/** The job id of a timer: the case, the deadline generation and the moment's kind. */
export const slaTimerJobId = (caseId: string, generation: number, kind: string) =>
  `sla-${caseId}-g${generation}-${kind.replace(':', '-')}`;

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
  }));
}

import type { SlaSlotJob, SlaTimerJob } from '@hotline/contracts';
import type { NewOutboxMessage } from '@hotline/db';
import { TIMER_HORIZON_MS, type SlaTimer } from '@hotline/domain';
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

/**
 * Timers due further ahead than this share a slot job; nearer ones, and past ones, get their
 * own. A slot's job reads its cases when it runs, so a case must have committed its timer by
 * then: ten seconds is far longer than any transaction may take. (A timer missed that way all
 * the same is due and past at the next periodic pass, which adds it a job of its own.)
 */
export const SLOT_LEAD_MS = 10_000;
/** The slots' width: a timer in a slot fires at the slot's end, at most this late. */
export const SLOT_MS = 100;

/** Where the slot an instant (ms since epoch) falls in starts. */
const slotStart = (at: number) => Math.floor(at / SLOT_MS) * SLOT_MS;

/** The job id of the slot an instant (ms since epoch) falls in. */
export const slaSlotJobId = (at: number) => `s-${slotStart(at)}`;

type TimerMoment = SlaTimer | { kind: string; at: string };

interface TimerJobSpec {
  jobId: string;
  name: 'check-deadline' | 'fire-slot';
  data: SlaTimerJob | SlaSlotJob;
  runAt: number;
}

/**
 * The job that fires a timer, decided at `now`: the timer's own (its case, generation and
 * kind) when it is due within SLOT_LEAD_MS or past, else the job of the slot it falls in, run
 * at the slot's end, so that however many cases share a second, Redis holds a few jobs and
 * the worker fetches a few, each firing its cases in batches. Never early either way.
 */
function timerJobSpec(
  caseId: string,
  generation: number,
  t: TimerMoment,
  at: number,
  now: Date,
  slots: boolean,
): TimerJobSpec {
  if (slots && at > now.getTime() + SLOT_LEAD_MS) {
    const from = slotStart(at);
    const until = from + SLOT_MS;
    return {
      jobId: slaSlotJobId(at),
      name: 'fire-slot',
      data: { from: new Date(from).toISOString(), until: new Date(until).toISOString() },
      runAt: until,
    };
  }
  return {
    jobId: slaTimerJobId(caseId, generation, t.kind),
    name: 'check-deadline',
    data: payload(caseId, generation, t),
    runAt: at,
  };
}

/** The jobs of many cases' timers due within the horizon at `now`, each job once. */
function timerJobSpecs(
  cases: readonly { caseId: string; generation: number; timers: readonly TimerMoment[] }[],
  now: Date,
  options: { everyTimer?: boolean } = {},
): TimerJobSpec[] {
  const specs = new Map<string, TimerJobSpec>();
  for (const { caseId, generation, timers } of cases) {
    for (const t of timers) {
      const at = typeof t.at === 'string' ? Date.parse(t.at) : t.at.getTime();
      if (!options.everyTimer && at > now.getTime() + TIMER_HORIZON_MS) continue;
      const spec = timerJobSpec(caseId, generation, t, at, now, !options.everyTimer);
      if (!specs.has(spec.jobId)) specs.set(spec.jobId, spec);
    }
  }
  return [...specs.values()];
}

/**
 * Outbox rows scheduling new generations of timers (written with the changes that set them):
 * those due within the horizon at `now`; the periodic pass adds the others before they come
 * due. `everyTimer` (the demo history's replay, whose queues run on its own clock): every
 * timer, each with a job of its own.
 */
export function slaTimerOutbox(
  cases: readonly { caseId: string; generation: number; timers: readonly SlaTimer[] }[],
  now: Date,
  options: { everyTimer?: boolean } = {},
): NewOutboxMessage[] {
  return timerJobSpecs(cases, now, options).map((spec) => ({
    queue: 'sla',
    jobName: spec.name,
    jobId: spec.jobId,
    payload: spec.data,
    runAt: new Date(spec.runAt),
  }));
}

/** The same for cases read back from Postgres, as BullMQ jobs (reconcile). */
export function slaTimerJobs(
  cases: readonly { caseId: string; generation: number; timers: readonly TimerMoment[] }[],
  now: Date,
): OutgoingJob[] {
  return timerJobSpecs(cases, now).map((spec) => ({
    queue: 'sla',
    name: spec.name,
    jobId: spec.jobId,
    data: spec.data,
    delay: Math.max(0, spec.runAt - now.getTime()),
    timestamp: now.getTime(),
  }));
}

import type { SlaTimerJob } from '@hotline/contracts';
import { type Database } from '@hotline/db';
import type { SlaTargetName } from '@hotline/domain';
import type { JobPublisher, OutgoingJob } from '@hotline/queue';
import { relayOutbox } from '@hotline/core';

const RELAY_BATCH = 500;

interface PendingTimer {
  jobId: string;
  runAt: number;
  data: SlaTimerJob;
}

/**
 * What the worker's queues would hold while the history is replayed, kept in memory and run
 * on the replay's clock: the system's own outbox relay publishes into it. SLA timers wait per
 * case until the replay reaches their moment; routing jobs mark a case as due for routing;
 * messages are counted and left alone (their rows are settled at the end: see
 * settleDemoHistoryNotifications). Relays run one at a time, so when a case's relay returns,
 * every outbox row its changes wrote has been dispatched, whichever relay took it.
 */
export class VirtualQueues implements JobPublisher {
  private readonly timers = new Map<string, Map<string, PendingTimer>>();
  private readonly routing = new Set<string>();
  /** Each case's latest timer generation and the deadlines it set, by target. */
  private readonly latest = new Map<string, { generation: number; dues: Map<string, string> }>();
  /** Where each case's replay stands: a timer set in the past runs at that moment, at once. */
  private readonly clocks = new Map<string, number>();
  private relaying: Promise<unknown> = Promise.resolve();
  /** A relay queued and not yet started: a later request can share it. */
  private queued: Promise<void> | null = null;
  messages = 0;

  constructor(private readonly db: Database) {}

  /** The moment a case's replay has reached (its timers never run before it). */
  setClock(caseId: string, at: Date) {
    this.clocks.set(caseId, at.getTime());
  }

  publish(jobs: readonly OutgoingJob[]): Promise<void> {
    for (const job of jobs) {
      if (job.queue === 'sla') {
        const data = job.data as SlaTimerJob;
        const runAt = Math.max(Date.parse(data.dueAt), this.clocks.get(data.caseId) ?? 0);
        let timers = this.timers.get(data.caseId);
        if (!timers) this.timers.set(data.caseId, (timers = new Map<string, PendingTimer>()));
        // A job id already queued is a no-op, as in BullMQ.
        if (!timers.has(job.jobId)) timers.set(job.jobId, { jobId: job.jobId, runAt, data });
        let latest = this.latest.get(data.caseId);
        if (!latest || data.generation > latest.generation) {
          this.latest.set(data.caseId, (latest = { generation: data.generation, dues: new Map() }));
        }
        if (data.kind.startsWith('due:') && data.generation === latest.generation) {
          latest.dues.set(data.kind.slice(4), data.dueAt);
        }
      } else if (job.queue === 'routing') {
        this.routing.add((job.data as { caseId: string }).caseId);
      } else if (job.queue === 'matching') {
        // Left alone: a case's similar texts are found on its page's first view instead.
      } else {
        this.messages++;
      }
    }
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * Relays every committed outbox row, as the worker's relay does. A relay that has not started
   * yet sees this caller's rows too, so callers share it. (Its `now` only sets BullMQ delays;
   * here a timer runs at its own moment, or at its case's clock if that is later.)
   */
  relay(now: Date): Promise<void> {
    if (this.queued) return this.queued;
    const run = this.relaying.then(async () => {
      this.queued = null;
      // Relays never overlap, so a short batch means nothing committed before it is left.
      while (
        (await relayOutbox({ db: this.db, publisher: this }, now, RELAY_BATCH)) === RELAY_BATCH
      );
    });
    this.queued = run;
    this.relaying = run.catch(() => undefined);
    return run;
  }

  /** Whether the case's routing job was published (and takes it). */
  takeRouting(caseId: string): boolean {
    return this.routing.delete(caseId);
  }

  /**
   * The case's next timer due at or before `until`, removed from the queue; null if none.
   * Timers of a generation older than the case's latest are dropped unrun: the worker would
   * find them stale and do nothing.
   */
  nextTimer(caseId: string, until: number): PendingTimer | null {
    const timers = this.timers.get(caseId);
    if (!timers) return null;
    const generation = this.latest.get(caseId)?.generation ?? 0;
    let next: PendingTimer | null = null;
    for (const t of timers.values()) {
      if (t.data.generation < generation) {
        timers.delete(t.jobId);
        continue;
      }
      if (t.runAt > until) continue;
      if (!next || t.runAt < next.runAt || (t.runAt === next.runAt && t.jobId < next.jobId)) {
        next = t;
      }
    }
    if (next) timers.delete(next.jobId);
    return next;
  }

  /**
   * A deadline the case's latest timers count down to; null when that clock is not running
   * (met, paused awaiting the citizen, or never started).
   */
  due(caseId: string, target: SlaTargetName): Date | null {
    const due = this.latest.get(caseId)?.dues.get(target);
    return due ? new Date(due) : null;
  }

  /** The case reached this deadline generation: timers of older ones are stale. */
  setGeneration(caseId: string, generation: number) {
    const latest = this.latest.get(caseId);
    if (!latest || generation > latest.generation) {
      this.latest.set(caseId, { generation, dues: new Map() });
    }
  }

  /** Forgets a case whose replay is over: its later timers are the worker's to rebuild. */
  forget(caseId: string) {
    this.timers.delete(caseId);
    this.clocks.delete(caseId);
    this.routing.delete(caseId);
    this.latest.delete(caseId);
  }
}

import { findCaseTextMatches, type Database, type RawSql } from '@hotline/db';
import type { SlaTargetName, WorkingCalendar } from '@hotline/domain';
import {
  type ActingOfficial,
  actOnCase,
  type ActedCase,
  type RequestedAction,
  logCall,
  type CaseChangeDeps,
  type FollowUpDeps,
  type OtpStore,
  routeCases,
  fireSlaTimer,
  receiveSms,
  submitCase,
} from '@hotline/core';
import type { PlannedCase } from './plan-demo-cases.js';
import type { ReplayStaff } from './replay-staff.js';
import { SeededRandom } from './seeded-random.js';
import type { VirtualQueues } from './virtual-queues.js';

/** What replaying a case needs. */
export interface ReplayContext {
  seed: string;
  deps: CaseChangeDeps;
  raw: RawSql;
  /** The province's calendar: officials act in its working hours. */
  calendar: WorkingCalendar;
  /** The history stops here (the real now). */
  end: Date;
  queues: VirtualQueues;
  staff: ReplayStaff;
  sms: { joinWindowMs: number; foldAscii: boolean };
}

// The citizen proves ownership with the token the submission returned; never a one-time code.
const NO_OTP: OtpStore = {
  get: () => Promise.resolve(null),
  put: () => Promise.reject(new Error('no one-time codes in the demo history')),
  fail: () => Promise.reject(new Error('no one-time codes in the demo history')),
};
const LOCAL = 7 * 3600_000;
const HOUR = 3600_000;

/**
 * One case being replayed: its clock, and each act of its life made through the use case the
 * API or the worker would call, at the replay's `now`. Before each act, the case's SLA timers
 * that fall due first are fired at their own moment, as the worker would fire them.
 */
export class CaseLife {
  t: Date;
  caseId = '';
  trackingCode = '';
  token: string | null = null;
  unitId: string | null = null;
  status = 'received';
  /** The deadline generation the case is known to be at (timers of older ones are stale). */
  private generation = 0;
  /** Changes since the last relay may have scheduled timers. */
  private dirty = false;
  /** Tracking-code bytes and ids: a stream of its own, so the plan never shifts them. */
  readonly bytes: SeededRandom;
  /** Delays and choices during the life. */
  readonly r: SeededRandom;
  private smsCount = 0;

  constructor(
    readonly ctx: ReplayContext,
    readonly plan: PlannedCase,
  ) {
    this.t = plan.receivedAt;
    this.bytes = new SeededRandom(`${ctx.seed}:bytes:${plan.index}`);
    this.r = new SeededRandom(`${ctx.seed}:life:${plan.index}`);
  }

  private get db(): Database {
    return this.ctx.deps.db;
  }

  private setClock(at: Date) {
    this.t = at;
    if (this.caseId) this.ctx.queues.setClock(this.caseId, at);
  }

  /**
   * Moves the case's clock to `at`, firing the timers due by then. False when `at` lies past
   * the end of the history: the case stays as it is (its timers up to the end have fired).
   */
  async reach(at: Date): Promise<boolean> {
    const { queues, end } = this.ctx;
    await this.relay();
    const limit = Math.min(at.getTime(), end.getTime());
    for (let timer = queues.nextTimer(this.caseId, limit); timer;) {
      const when = new Date(Math.max(timer.runAt, this.t.getTime()));
      this.setClock(when);
      // Warnings, breaches and escalations never move deadlines: no new timers to relay.
      await fireSlaTimer(this.ctx.deps, timer.data, when);
      timer = queues.nextTimer(this.caseId, limit);
    }
    if (at > end) return false;
    this.setClock(new Date(Math.max(at.getTime(), this.t.getTime() + 1000)));
    return true;
  }

  /** A moment some working minutes on, in the province's office hours. */
  office(minMinutes: number, maxMinutes: number): Date {
    const ms = this.r.int(minMinutes, maxMinutes) * 60_000;
    return this.ctx.calendar.addWorkingDuration(this.t, { kind: 'working_time', ms });
  }

  /** A moment some hours on, when a citizen would be awake (06:30–22:30 local). */
  citizen(minHours: number, maxHours: number): Date {
    const at = new Date(this.t.getTime() + this.r.between(minHours, maxHours) * HOUR);
    const local = (at.getTime() + LOCAL) % (24 * HOUR);
    if (local >= 6.5 * HOUR && local <= 22.5 * HOUR) return at;
    const nextMorning = at.getTime() - local + (local > 22.5 * HOUR ? 24 * HOUR : 0);
    return new Date(nextMorning + 6.5 * HOUR + this.r.int(0, 150) * 60_000);
  }

  /**
   * A deadline the case's current timers count down to (relayed first, so it is the one in
   * force); null when that clock is not running.
   */
  async due(target: SlaTargetName): Promise<Date | null> {
    await this.relay();
    return this.ctx.queues.due(this.caseId, target);
  }

  /** Relays the outbox when this case's changes may have scheduled timers. */
  private async relay() {
    if (!this.dirty) return;
    this.dirty = false;
    await this.ctx.queues.relay(this.t);
  }

  /** The case comes in through its channel. */
  async submit() {
    const { plan, ctx } = this;
    const randomBytes = (n: number) => this.bytes.bytes(n);
    const body = {
      categoryCode: plan.categoryCode,
      text: plan.text,
      type: plan.caseType,
      ...(plan.communeCode ? { communeCode: plan.communeCode } : {}),
      ...(plan.address ? { address: plan.address } : {}),
      isAnonymous: plan.isAnonymous,
      consentToPublish: plan.consentToPublish,
    };
    if (plan.channel === 'sms') {
      const answer = await this.sms(plan.text);
      if (!answer) throw new Error(`demo SMS ${plan.index} made no case`);
    } else if (plan.channel === 'call') {
      const operator = this.r.pick(ctx.staff.operators);
      const endedAt = new Date(this.t.getTime() - this.r.int(30, 180) * 1000);
      const submitted = await logCall(
        { sql: ctx.raw, randomBytes },
        operator,
        {
          ...body,
          summary: plan.text,
          hotline: plan.hotline!,
          callerNumber: plan.citizen.phone,
          citizenName: plan.citizen.name,
          startedAt: new Date(endedAt.getTime() - this.r.int(90, 540) * 1000).toISOString(),
          endedAt: endedAt.toISOString(),
        },
        this.t,
      );
      this.caseId = submitted.caseId;
      this.trackingCode = submitted.trackingCode;
      this.token = submitted.ownerToken;
    } else {
      const { citizen } = plan;
      const submitted = await submitCase(
        { sql: ctx.raw, randomBytes },
        {
          body: {
            ...body,
            citizen: {
              name: citizen.name,
              phone: citizen.phone,
              ...(citizen.email ? { email: citizen.email } : {}),
            },
          },
          channel: 'web',
          actor: { kind: 'citizen' },
        },
        this.t,
      );
      this.caseId = submitted.caseId;
      this.trackingCode = submitted.trackingCode;
      this.token = submitted.ownerToken;
    }
    this.setClock(this.t);
    this.dirty = true;
  }

  /** An SMS from the case's citizen to its hotline (a new case, more text, a command). */
  async sms(text: string) {
    const { plan, ctx } = this;
    const answer = await receiveSms(
      {
        sql: ctx.raw,
        db: this.db,
        randomBytes: (n) => this.bytes.bytes(n),
        randomUuid: () => this.bytes.uuid(),
        ...ctx.sms,
      },
      {
        provider: 'dev',
        providerMessageId: `demo-${ctx.seed}-${plan.index}-${++this.smsCount}`,
        from: plan.citizen.phone,
        to: plan.hotline!,
        text,
        media: [],
      },
      this.t,
    );
    if (!this.caseId && answer.caseId) {
      this.caseId = answer.caseId;
      this.setClock(this.t);
      const code = /\b([0-9A-Z]{4}-[0-9A-Z]{4,5})\b/.exec(answer.reply ?? '');
      this.trackingCode = code?.[1] ?? '';
    }
    this.dirty = true;
    return answer;
  }

  /** The worker's routing job: route, then look for similar cases (as its processor does). */
  async route() {
    if (!this.ctx.queues.takeRouting(this.caseId)) {
      throw new Error(`case ${this.caseId} has no routing job`);
    }
    const [outcome] = await routeCases(this.ctx.deps, [this.caseId], this.t);
    if (!outcome || outcome instanceof Error) throw outcome ?? new Error('routing failed');
    await findCaseTextMatches(this.db, [this.caseId]);
    this.unitId = outcome.unitId;
    this.dirty = true;
  }

  /** An official's action, through the same use case as `/v1/cases/:id/<action>`. */
  async act(who: ActingOfficial, action: RequestedAction): Promise<ActedCase> {
    const acted = await actOnCase(this.ctx.deps, who, this.caseId, action, undefined, this.t);
    this.unitId = acted.state.unitId;
    this.status = acted.state.status;
    // A new deadline generation comes with new timers (and makes the older ones stale).
    if (acted.sla.generation !== this.generation) {
      this.generation = acted.sla.generation;
      this.ctx.queues.setGeneration(this.caseId, acted.sla.generation);
      this.dirty = true;
    }
    return acted;
  }

  /** A citizen's follow-up, proved by the case's token. */
  async asCitizen(
    run: (
      deps: FollowUpDeps,
      code: string,
      proof: { token: string },
    ) => Promise<{ status: string }>,
  ) {
    if (!this.token) throw new Error(`case ${this.caseId} has no owner token`);
    const done = await run({ ...this.ctx.deps, otp: NO_OTP }, this.trackingCode, {
      token: this.token,
    });
    this.status = done.status;
    this.dirty = true;
  }

  /** Fires what falls due until the end of the history, then leaves the rest to the worker. */
  async finish() {
    if (!this.caseId) return;
    await this.reach(this.ctx.end);
    this.ctx.queues.forget(this.caseId);
  }
}

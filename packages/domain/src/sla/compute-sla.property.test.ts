import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { compileCalendar, PROVINCE_CALENDAR } from '../calendar/index.js';
import type { CaseEvent, RecordedEvent } from '../case/case-events.js';
import { addTarget, computeSla } from './compute-sla.js';
import { DEFAULT_SLA_POLICIES, type SlaPolicy, type SlaTarget } from './sla-policy.js';

const calendar = compileCalendar(PROVINCE_CALENDAR);
const HOUR = 3_600_000;
const MINUTE = 60_000;
const FROM = Date.parse('2026-01-01T00:00:00+07:00');

// What may happen next to a case, as a walk through its life picks it: each step is taken only
// where it makes sense (a reply to a paused case, a second reopening of an open one are not).
type Step =
  'accept' | 'ask' | 'answer' | 'reply' | 'extend' | 'transfer' | 'resolve' | 'reopen' | 'complex';
const STEPS: Step[] = [
  'accept',
  'ask',
  'answer',
  'reply',
  'extend',
  'transfer',
  'resolve',
  'reopen',
  'complex',
];

/** A history built from random steps, each after a random wall-clock gap (never zero). */
function buildHistory(
  startMs: number,
  steps: readonly { step: Step; gapMinutes: number; hours: number }[],
): RecordedEvent[] {
  let at = startMs;
  let version = 0;
  const history: RecordedEvent[] = [];
  const push = (event: CaseEvent) =>
    history.push({
      version: ++version,
      at: new Date(at),
      actor: { kind: 'system', process: 't' },
      event,
    });
  push({
    type: 'received',
    caseType: 'feedback',
    channel: 'web',
    categoryId: 'c',
    hotlineId: null,
    communeUnitId: null,
    priority: 'normal',
  });
  at += MINUTE;
  push({ type: 'routed', unitId: 'u0', reason: 'rule' });
  let unit = 0;
  let status: 'open' | 'paused' | 'resolved' = 'open';
  for (const { step, gapMinutes, hours } of steps) {
    at += gapMinutes * MINUTE;
    if (status === 'resolved') {
      if (step === 'reopen') {
        push({ type: 'reopened', reason: 'chưa thỏa đáng' });
        status = 'open';
      }
      continue;
    }
    if (status === 'paused') {
      if (step === 'answer') {
        push({ type: 'info_provided', text: 'Đây' });
        status = 'open';
      }
      continue;
    }
    switch (step) {
      case 'accept':
        push({ type: 'accepted' });
        break;
      case 'ask':
        push({ type: 'info_requested', question: '?' });
        status = 'paused';
        break;
      case 'reply':
        push({ type: 'replied', text: 'Trả lời' });
        break;
      case 'extend':
        push({ type: 'extension_granted', duration: `PT${hours}H`, reason: 'xác minh' });
        break;
      case 'transfer':
        push({
          type: 'transferred',
          fromUnitId: `u${unit}`,
          toUnitId: `u${unit + 1}`,
          reason: 'sai thẩm quyền',
        });
        unit++;
        break;
      case 'resolve':
        push({ type: 'resolved', resolutionText: 'Xong' });
        status = 'resolved';
        break;
      case 'complex':
        push({ type: 'triaged', isComplex: true });
        break;
      case 'answer':
      case 'reopen':
        break;
    }
  }
  return history;
}

const historyArb = fc
  .tuple(
    // Mostly quarter-hours (which meet interval bounds exactly), sometimes any minute.
    fc.oneof(
      fc.integer({ min: 0, max: 700 * 96 }).map((q) => FROM + q * 15 * MINUTE),
      fc.integer({ min: 0, max: 700 * 24 * 60 }).map((m) => FROM + m * MINUTE),
    ),
    fc.array(
      fc.record({
        step: fc.constantFrom(...STEPS),
        // Minutes to a few working weeks, so pauses and extensions cross nights and holidays.
        gapMinutes: fc.oneof(
          fc.integer({ min: 1, max: 600 }),
          fc.integer({ min: 1, max: 30 * 24 * 60 }),
        ),
        hours: fc.integer({ min: 1, max: 40 }),
      }),
      { maxLength: 25, size: 'max' },
    ),
  )
  .map(([start, steps]) => buildHistory(start, steps));

const working = (hours: number): SlaTarget => ({ duration: `PT${hours}H`, unit: 'working' });

/** Policies whose targets are exact working time, so the allowance is a number of hours. */
const exactPolicyArb: fc.Arbitrary<SlaPolicy> = fc
  .record({
    acceptance: fc.integer({ min: 1, max: 16 }),
    firstResponse: fc.integer({ min: 1, max: 40 }),
    resolution: fc.integer({ min: 1, max: 120 }),
    complex: fc.integer({ min: 1, max: 200 }),
    resolutionFrom: fc.constantFrom('receipt' as const, 'acceptance' as const),
    transferResetsDeadline: fc.boolean(),
  })
  .map((p) => ({
    ...DEFAULT_SLA_POLICIES.feedback,
    id: 'exact',
    acceptance: working(p.acceptance),
    firstResponse: working(p.firstResponse),
    resolution: working(p.resolution),
    resolutionComplex: working(p.complex),
    resolutionFrom: p.resolutionFrom,
    transferResetsDeadline: p.transferResetsDeadline,
  }));

const anyPolicyArb = fc.oneof(
  exactPolicyArb,
  fc.constantFrom(...Object.values(DEFAULT_SLA_POLICIES)),
);

const hoursOf = (t: SlaTarget) => Number(/^PT(\d+)H$/.exec(t.duration)![1]);
const last = (h: readonly RecordedEvent[]) => h.at(-1)!.at.getTime();

/** What the resolution clock should have been given, read from the history the slow way. */
function resolutionAllowance(history: readonly RecordedEvent[], policy: SlaPolicy) {
  let startedAt: Date | null = null;
  let spec = policy.resolution;
  let extensionHours = 0;
  let met = false;
  for (const { event, at } of history) {
    const running = startedAt !== null && !met;
    const e = event;
    if (e.type === 'received' && policy.resolutionFrom === 'receipt') startedAt = at;
    if ((e.type === 'triaged' || e.type === 'accepted') && policy.resolutionFrom === 'acceptance') {
      startedAt ??= at;
    }
    if (e.type === 'triaged' && e.isComplex && policy.resolutionComplex) {
      spec = policy.resolutionComplex;
    }
    if (e.type === 'extension_granted' && running) {
      extensionHours += hoursOf({ duration: e.duration, unit: 'working' });
    }
    if (e.type === 'transferred' && policy.transferResetsDeadline && running) {
      [startedAt, extensionHours] = [at, 0];
    }
    if (e.type === 'resolved') met = true;
    if (e.type === 'reopened') [startedAt, extensionHours, met] = [at, 0, false];
  }
  return { startedAt, spec, extensionHours };
}

describe('computeSla under random histories', () => {
  it.prop([historyArb, exactPolicyArb, fc.integer({ min: 0, max: 20 * 24 * 60 })], {
    numRuns: 300,
  })(
    'the resolution deadline holds exactly its allowance plus extensions in working time, pauses not counted',
    (history, policy, afterMinutes) => {
      const at = new Date(last(history) + afterMinutes * MINUTE);
      const sla = computeSla(history, policy, calendar, at);
      const clock = sla.clocks.resolution;
      const expected = resolutionAllowance(history, policy);
      expect(clock.startedAt).toEqual(expected.startedAt);
      if (!clock.startedAt || !clock.dueAt) return;
      const allowance = (hoursOf(expected.spec) + expected.extensionHours) * HOUR;
      // Paused time is given back, never counted: the working time from the start to the
      // deadline, less what was paused in between, is the allowance to the millisecond.
      expect(calendar.workingDurationBetween(clock.startedAt, clock.dueAt, sla.pauses)).toBe(
        allowance,
      );
      // Never earlier than the allowance alone from the start.
      expect(clock.dueAt.getTime()).toBeGreaterThanOrEqual(
        addTarget(calendar, clock.startedAt, {
          duration: `PT${allowance / HOUR}H`,
          unit: 'working',
        }).getTime(),
      );
    },
  );

  it.prop([historyArb, anyPolicyArb, fc.integer({ min: 0, max: 20 * 24 * 60 })], {
    numRuns: 300,
  })('paused time never counts as any unit’s time', (history, policy, afterMinutes) => {
    const at = new Date(last(history) + afterMinutes * MINUTE);
    const sla = computeSla(history, policy, calendar, at);
    const held = sla.unitHoldings.reduce((sum, h) => sum + h.workingMs, 0);
    const first = sla.unitHoldings[0]!.from;
    expect(held).toBe(calendar.workingDurationBetween(first, at, sla.pauses));
    expect(held + sla.pausedWorkingMs).toBeGreaterThanOrEqual(
      calendar.workingDurationBetween(first, at),
    );
  });

  it.prop([historyArb, anyPolicyArb, fc.nat()], { numRuns: 200 })(
    'computed at an event, the history up to it gives what the whole history gives',
    (history, policy, pick) => {
      const k = pick % history.length;
      const at = history[k]!.at;
      expect(computeSla(history, policy, calendar, at)).toEqual(
        computeSla(history.slice(0, k + 1), policy, calendar, at),
      );
    },
  );

  it.prop([historyArb, anyPolicyArb, fc.integer({ min: 1, max: 5 * 24 * 60 })], {
    numRuns: 200,
  })(
    'a pause moves the deadline in force later, never earlier; a transfer moves it only by policy',
    (history, policy, pauseMinutes) => {
      const at = new Date(last(history) + HOUR);
      const before = computeSla(history, policy, calendar, at);
      // The same history with the citizen asked a question at its end, answered later.
      const asked = [
        ...history,
        {
          version: history.length + 1,
          at,
          actor: { kind: 'system', process: 't' },
          event: { type: 'info_requested', question: '?' },
        } satisfies RecordedEvent,
      ];
      const answeredAt = new Date(at.getTime() + pauseMinutes * MINUTE);
      const paused = computeSla(asked, policy, calendar, answeredAt);
      for (const target of ['acceptance', 'first_response', 'resolution'] as const) {
        const was = before.clocks[target];
        const now = paused.clocks[target];
        if (!was.dueAt || !now.dueAt || was.metAt || was.state !== 'running') continue;
        expect(now.dueAt.getTime()).toBeGreaterThanOrEqual(was.dueAt.getTime());
      }
      const transfers = history.filter((h) => h.event.type === 'transferred');
      if (!policy.transferResetsDeadline && transfers.length > 0) {
        const without = history.filter((h) => h.event.type !== 'transferred');
        const kept = computeSla(without, policy, calendar, at);
        expect(kept.clocks).toEqual(before.clocks);
      }
    },
  );
});

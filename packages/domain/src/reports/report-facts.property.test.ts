import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseEvent, RecordedEvent } from '../case/case-events.js';
import type { CaseState } from '../case/case-state.js';
import { applyEvent } from '../case/project.js';
import { TRANSITIONS } from '../case/transitions.js';
import { reportFactsOf, type FactMeasure, type ReportFact } from './report-facts.js';

const H = 3_600_000;
const T0 = Date.parse('2025-11-24T02:00:00Z');
const UNITS = ['u1', 'u2', 'u3'].map((u) => `00000000-0000-4000-8000-0000000000${u.slice(1)}1`);
const HANDLERS = ['h1', 'h2'].map((h) => `00000000-0000-4000-8000-0000000000${h.slice(1)}2`);
const CATEGORIES = ['c1', 'c2'].map((c) => `00000000-0000-4000-8000-0000000000${c.slice(1)}3`);

const received: CaseEvent = {
  type: 'received',
  caseType: 'feedback',
  channel: 'web',
  categoryId: CATEGORIES[0]!,
  hotlineId: null,
  communeUnitId: null,
  priority: 'normal',
};

/** Every change the generator may try, given the case now (some are refused by the machine). */
function candidates(s: CaseState, pick: number): CaseEvent[] {
  const unit = UNITS[pick % UNITS.length]!;
  const other = UNITS.find((u) => u !== s.unitId && u !== unit) ?? unit;
  // Endings and comments now and then, so that histories get far (reopened, rated, moved).
  const endings: CaseEvent[] =
    pick % 10 === 0
      ? [
          { type: 'rejected', reason: 'spam', note: 'x' },
          { type: 'merged', intoCaseId: '00000000-0000-4000-8000-000000000999' },
          { type: 'withdrawn' },
          { type: 'closed', reason: 'citizen_confirmed' },
          { type: 'comment_added', text: 'x', isInternal: true },
        ]
      : [];
  // Always allowed while open: now and then too.
  const anytime: CaseEvent[] =
    pick % 4 === 1
      ? [
          { type: 'triaged', categoryId: CATEGORIES[pick % 2]! },
          { type: 'sla_breached', target: 'resolution', dueAt: new Date(T0).toISOString() },
          { type: 'escalated', level: 1, toOfficialId: null, toUnitId: s.unitId, reason: 'manual' },
        ]
      : [];
  return [
    ...anytime,
    ...endings,
    { type: 'routed', unitId: unit, reason: 'rule' },
    { type: 'assigned', assigneeId: HANDLERS[pick % 2]! },
    { type: 'accepted' },
    { type: 'info_requested', question: '?' },
    { type: 'info_provided', text: '!' },
    { type: 'transferred', fromUnitId: s.unitId ?? unit, toUnitId: other, reason: 'x' },
    { type: 'unit_merged', fromUnitId: s.unitId ?? unit, toUnitId: other },
    { type: 'extension_requested', duration: 'P2D', reason: 'x' },
    { type: 'extension_granted', duration: 'P2D', reason: 'x' },
    { type: 'replied', text: 'x' },
    { type: 'resolved', resolutionText: 'x' },
    { type: 'rated', rating: ((pick % 5) + 1) as 1 },
    { type: 'reopened', reason: 'x' },
  ];
}

function allowed(s: CaseState, e: CaseEvent): boolean {
  if (e.type === 'received') return false;
  const rule = TRANSITIONS[e.type] as {
    from: readonly string[] | 'open' | 'any';
    guard?: (s: CaseState, e: CaseEvent) => string | null;
  };
  const from =
    rule.from === 'any' ||
    (rule.from === 'open'
      ? ['received', 'triaged', 'assigned', 'in_progress', 'awaiting_citizen', 'reopened'].includes(
          s.status,
        )
      : rule.from.includes(s.status));
  return from && (rule.guard?.(s, e) ?? null) === null;
}

/** A legal history from a list of choices, events a random number of hours apart. */
function historyFrom(choices: readonly [number, number, number][]): RecordedEvent[] {
  const history: RecordedEvent[] = [
    { version: 1, at: new Date(T0), actor: { kind: 'system', process: 't' }, event: received },
  ];
  let state = applyEvent(null, received);
  let at = T0;
  for (const [which, pick, gap] of choices) {
    const legal = candidates(state, pick).filter((e) => allowed(state, e));
    const event = legal[which % legal.length];
    if (!event) break;
    state = applyEvent(state, event);
    at += gap * H;
    history.push({
      version: state.version,
      at: new Date(at),
      actor: { kind: 'system', process: 't' },
      event,
    });
  }
  return history;
}

/**
 * A stand-in for the SLA engine, a function of the history up to the event alone: the
 * deadline moves with each routing, transfer, merge, extension and reopening (none before the
 * first routing; none while awaiting the citizen), as the real one may.
 */
const measureOf =
  (history: readonly RecordedEvent[]) =>
  (index: number): FactMeasure => {
    const past = history.slice(0, index + 1);
    const moves = past.filter((h) =>
      ['routed', 'transferred', 'unit_merged', 'extension_granted', 'reopened'].includes(
        h.event.type,
      ),
    ).length;
    const last = past.findLast((h) => /info_(requested|provided)/.test(h.event.type));
    const isPaused = last?.event.type === 'info_requested';
    return {
      dueAt: moves === 0 || isPaused ? null : new Date(T0 + moves * 7 * H),
      workingMs: past.at(-1)!.at.getTime() - T0,
    };
  };

/** Facts as stored after writing each batch's delta (cuts: where batches start). */
function written(history: readonly RecordedEvent[], cuts: readonly number[]) {
  const rows: ReportFact[] = [];
  // What each fact was when first written: it must never be credited to anyone else.
  const firsts = new Map<string, ReportFact>();
  let state: CaseState | null = null;
  let index = 0;
  const measure = measureOf(history);
  for (const cut of [...cuts, history.length]) {
    const delta = reportFactsOf(history.slice(0, cut), measure, { index, state });
    for (const r of rows) {
      if (delta.closesOpenSpanAt && r.kind === 'open' && r.until === null)
        r.until = delta.closesOpenSpanAt;
      if (delta.supersedesRatingAt && r.kind === 'rated' && r.until === null)
        r.until = delta.supersedesRatingAt;
      if (delta.reopensResolutions && r.kind === 'resolved') r.wasReopened = true;
    }
    for (const f of delta.facts) {
      rows.push({ ...f });
      firsts.set(`${f.kind}:${f.seq}`, { ...f });
    }
    for (; index < cut; index += 1) state = applyEvent(state, history[index]!.event);
  }
  return { rows: sorted(rows), firsts };
}

const sorted = (facts: ReportFact[]) =>
  [...facts].sort((a, b) => a.kind.localeCompare(b.kind) || a.seq - b.seq);

const choices = fc.array(
  fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 12 }), fc.integer({ min: 0, max: 30 })),
  { minLength: 1, maxLength: 30 },
);

describe('report facts over random histories', () => {
  it('written change by change equal the facts of the whole history, and none moves', () => {
    fc.assert(
      fc.property(choices, fc.array(fc.nat(), { maxLength: 6 }), (picked, cutSeeds) => {
        const history = historyFrom(picked);
        const whole = sorted(reportFactsOf(history, measureOf(history)).facts);
        const cuts = [...new Set(cutSeeds.map((c) => 1 + (c % Math.max(1, history.length - 1))))]
          .filter((c) => c < history.length)
          .sort((a, b) => a - b);
        const byBatch = written(history, cuts);
        expect(byBatch.rows).toEqual(whole);
        const everyEvent = written(
          history,
          history.slice(1).map((_, i) => i + 1),
        );
        expect(everyEvent.rows).toEqual(whole);
        // Once written, a fact keeps its holding, moment and verdict: only `until` and
        // `wasReopened` are filled in later.
        for (const f of whole) {
          const first = everyEvent.firsts.get(`${f.kind}:${f.seq}`)!;
          expect({ ...first, until: null, wasReopened: false }).toEqual({
            ...f,
            until: null,
            wasReopened: false,
          });
        }
      }),
      { numRuns: 300 },
    );
    const seen = new Map<string, number>();
    for (const picked of fc.sample(choices, 300))
      for (const h of historyFrom(picked))
        seen.set(h.event.type, (seen.get(h.event.type) ?? 0) + 1);
    // The generator reaches what the property is about.
    for (const type of ['transferred', 'unit_merged', 'merged', 'reopened', 'rated', 'resolved'])
      expect(seen.get(type) ?? 0, type).toBeGreaterThan(3);
  });

  it('credits each fact to the holding at its moment, and one open span at a time', () => {
    fc.assert(
      fc.property(choices, (picked) => {
        const history = historyFrom(picked);
        const { facts } = reportFactsOf(history, measureOf(history));
        let state: CaseState | null = null;
        const holdingAt = new Map<number, CaseState>();
        const before = new Map<number, CaseState>();
        for (const h of history) {
          if (state) before.set(h.version, state);
          state = applyEvent(state, h.event);
          holdingAt.set(h.version, state);
        }
        for (const f of facts) {
          // A transfer-out belongs to the unit that sent the case; all else to the holder then.
          const s = f.kind === 'transferred_out' ? before.get(f.seq)! : holdingAt.get(f.seq)!;
          expect([f.unitId, f.assigneeId, f.categoryId]).toEqual([
            s.unitId,
            s.assigneeId,
            s.categoryId,
          ]);
        }
        const spans = facts.filter((f) => f.kind === 'open');
        for (let i = 1; i < spans.length; i += 1) {
          expect(spans[i - 1]!.until).not.toBeNull();
          expect(spans[i - 1]!.until!.getTime()).toBeLessThanOrEqual(spans[i]!.at.getTime());
        }
        // At most one reception, credited to the first unit the case came to.
        const receptions = facts.filter((f) => f.kind === 'received');
        const firstRouted = history.find((h) => h.event.type === 'routed');
        expect(receptions.length).toBe(firstRouted ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });
});

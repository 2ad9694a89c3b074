import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  OPEN_STATUSES,
  TRANSITIONS,
  applyEvent,
  isOpen,
  type CaseEvent,
  type CaseState,
  type RecordedEvent,
  type SlaView,
} from '@hotline/domain';
import type { ReportFact } from '@hotline/db';
import { FACT_EVENT_TYPES, reportFactsOf, type MeasureAt } from './report-facts.js';

const H = 3_600_000;
const T0 = Date.parse('2025-11-24T02:00:00Z');
const UNIT = '00000000-0000-4000-8000-000000000001';
const HANDLER = '00000000-0000-4000-8000-000000000002';

/** A history from events an hour apart (versions from 1). */
const historyOf = (events: CaseEvent[]): RecordedEvent[] =>
  events.map((event, i) => ({
    version: i + 1,
    at: new Date(T0 + i * H),
    actor: { kind: 'system', process: 'test' },
    event,
  }));

// Working time = wall time; the resolution deadline 5 h after receipt.
const measure: MeasureAt = async () => ({
  calendar: { workingDurationBetween: (a: Date, b: Date) => b.getTime() - a.getTime() } as never,
  sla: {
    pauses: [],
    clocks: { resolution: { dueAt: new Date(T0 + 5 * H) } },
  } as unknown as SlaView,
});

const received: CaseEvent = {
  type: 'received',
  caseType: 'feedback',
  channel: 'web',
  categoryId: '00000000-0000-4000-8000-000000000003',
  hotlineId: null,
  communeUnitId: null,
  priority: 'normal',
};
const routed: CaseEvent = { type: 'routed', unitId: UNIT, reason: 'triage_fallback' };
const assigned: CaseEvent = { type: 'assigned', assigneeId: HANDLER };
const accepted: CaseEvent = { type: 'accepted' };
const replied: CaseEvent = { type: 'replied', text: 'Đã tiếp nhận.' };
const resolved: CaseEvent = { type: 'resolved', resolutionText: 'Đã xử lý.' };
const reopened: CaseEvent = { type: 'reopened', reason: 'Chưa xong' };
const rated = (rating: 1 | 2 | 3 | 4 | 5): CaseEvent => ({ type: 'rated', rating });

const HISTORIES: Record<string, CaseEvent[]> = {
  'resolved, rated, reopened, resolved again, closed': [
    received,
    routed,
    assigned,
    accepted,
    replied,
    resolved,
    rated(2),
    reopened,
    assigned,
    accepted,
    { type: 'sla_breached', target: 'resolution', dueAt: new Date(T0 + 5 * H).toISOString() },
    {
      type: 'escalated',
      level: 1,
      toOfficialId: null,
      toUnitId: UNIT,
      reason: 'deadline_passed',
    },
    resolved,
    { type: 'closed', reason: 'citizen_confirmed' },
  ],
  'rejected before work': [received, routed, { type: 'rejected', reason: 'spam', note: 'x' }],
  'withdrawn by the citizen': [received, { type: 'withdrawn' }],
  'still open, asked for information': [
    received,
    routed,
    assigned,
    accepted,
    { type: 'info_requested', question: 'Ở đâu?' },
  ],
};

/** Stored facts after applying deltas as writeReportFacts does. */
async function stored(history: RecordedEvent[], cuts: number[]): Promise<ReportFact[]> {
  const rows: ReportFact[] = [];
  let state: CaseState | null = null;
  let index = 0;
  for (const cut of [...cuts, history.length]) {
    const delta = await reportFactsOf(history.slice(0, cut), measure, { index, state });
    for (const r of rows) {
      if (delta.closesOpenSpanAt && r.kind === 'open' && r.until === null)
        r.until = delta.closesOpenSpanAt;
      if (delta.supersedesRatingAt && r.kind === 'rated' && r.until === null)
        r.until = delta.supersedesRatingAt;
      if (delta.reopensResolutions && r.kind === 'resolved') r.wasReopened = true;
    }
    rows.push(...delta.facts.map((f) => ({ ...f })));
    for (; index < cut; index += 1) state = applyEvent(state, history[index]!.event);
  }
  return rows.sort((a, b) => a.kind.localeCompare(b.kind) || a.seq - b.seq);
}

describe('reportFactsOf', () => {
  it('derives spans, moments and marks from a history', async () => {
    const history = historyOf(HISTORIES['resolved, rated, reopened, resolved again, closed']!);
    const { facts } = await reportFactsOf(history, measure);
    const at = (i: number) => new Date(T0 + i * H);
    expect(facts.map((f) => [f.kind, f.seq, f.at, f.until])).toEqual([
      ['open', 1, at(0), at(5)],
      ['first_response', 5, at(4), null],
      ['resolved', 6, at(5), null],
      ['rated', 7, at(6), null],
      ['open', 8, at(7), at(12)],
      ['breached', 11, at(10), null],
      ['escalated', 12, at(11), null],
      ['resolved', 13, at(12), null],
    ]);
    const resolutions = facts.filter((f) => f.kind === 'resolved');
    // The first on time (at the deadline), reopened; the second late, not reopened.
    expect(resolutions.map((r) => [r.workingMs, r.isOnTime, r.wasReopened])).toEqual([
      [5 * H, true, true],
      [12 * H, false, false],
    ]);
    expect(facts.find((f) => f.kind === 'first_response')?.workingMs).toBe(4 * H);
  });

  it('adds up, written change by change, to the facts of the whole history', async () => {
    for (const [label, events] of Object.entries(HISTORIES)) {
      const history = historyOf(events);
      const whole = await stored(history, []);
      for (let cut = 1; cut < history.length; cut += 1) {
        expect(await stored(history, [cut]), `${label}, cut at ${cut}`).toEqual(whole);
      }
      const everyEvent = Array.from({ length: history.length - 1 }, (_, i) => i + 1);
      expect(await stored(history, everyEvent), `${label}, event by event`).toEqual(whole);
    }
  });

  it('gives the last rating an open until, the replaced ones the time they were replaced', async () => {
    const history = historyOf([received, routed, assigned, accepted, resolved, rated(2), rated(5)]);
    const ratings = (await stored(history, [6])).filter((f) => f.kind === 'rated');
    expect(ratings.map((r) => [r.rating, r.until])).toEqual([
      [2, new Date(T0 + 6 * H)],
      [5, null],
    ]);
  });
});

describe('FACT_EVENT_TYPES', () => {
  it('holds every change that can take a case into or out of the open statuses', () => {
    const base = historyOf([received, routed, assigned]);
    const state = base.reduce<CaseState | null>((s, h) => applyEvent(s, h.event), null)!;
    for (const [type, rule] of Object.entries(TRANSITIONS)) {
      const from =
        rule.from === 'any' ? CASE_STATUSES : rule.from === 'open' ? [...OPEN_STATUSES] : rule.from;
      for (const status of from) {
        const apply = rule.apply as (s: CaseState, e: { type: string }) => CaseState;
        const after = apply({ ...state, status }, { type });
        if (isOpen(after.status) !== isOpen(status)) {
          expect(FACT_EVENT_TYPES.has(type as never), `${type} from ${status}`).toBe(true);
        }
      }
    }
  });
});

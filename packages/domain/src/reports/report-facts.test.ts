import { describe, expect, it } from 'vitest';
import type { CaseEvent, RecordedEvent } from '../case/case-events.js';
import type { CaseState } from '../case/case-state.js';
import { applyEvent } from '../case/project.js';
import { reportFactsOf, type FactMeasure, type ReportFact } from './report-facts.js';

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

// Working time = wall time (events an hour apart); the resolution deadline 5 h after
// receipt, none in force at the receipt itself (factMeasureAt).
const measure = (index: number): FactMeasure => ({
  dueAt: index === 0 ? null : new Date(T0 + 5 * H),
  workingMs: index * H,
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
function stored(history: RecordedEvent[], cuts: number[]): ReportFact[] {
  const rows: ReportFact[] = [];
  let state: CaseState | null = null;
  let index = 0;
  for (const cut of [...cuts, history.length]) {
    const delta = reportFactsOf(history.slice(0, cut), measure, { index, state });
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

describe('reportFactsOf, measured', () => {
  it('derives spans per holding, moments and marks from a history', () => {
    const history = historyOf(HISTORIES['resolved, rated, reopened, resolved again, closed']!);
    const { facts } = reportFactsOf(history, measure);
    const at = (i: number) => new Date(T0 + i * H);
    expect(facts.map((f) => [f.kind, f.seq, f.at, f.until, f.unitId, f.assigneeId])).toEqual([
      // In triage, then the unit's queue, then the handler's: three holdings.
      ['open', 1, at(0), at(1), null, null],
      ['open', 2, at(1), at(2), UNIT, null],
      ['received', 2, at(1), null, UNIT, null],
      ['open', 3, at(2), at(5), UNIT, HANDLER],
      ['first_response', 5, at(4), null, UNIT, HANDLER],
      ['resolved', 6, at(5), null, UNIT, HANDLER],
      ['rated', 7, at(6), null, UNIT, HANDLER],
      ['open', 8, at(7), at(8), UNIT, null],
      ['open', 9, at(8), at(12), UNIT, HANDLER],
      ['breached', 11, at(10), null, UNIT, HANDLER],
      ['escalated', 12, at(11), null, UNIT, HANDLER],
      ['resolved', 13, at(12), null, UNIT, HANDLER],
    ]);
    const resolutions = facts.filter((f) => f.kind === 'resolved');
    // The first on time (at the deadline), reopened; the second late, not reopened.
    expect(resolutions.map((r) => [r.workingMs, r.isOnTime, r.wasReopened])).toEqual([
      [5 * H, true, true],
      [12 * H, false, false],
    ]);
    expect(facts.find((f) => f.kind === 'first_response')?.workingMs).toBe(4 * H);
  });

  it('adds up, written change by change, to the facts of the whole history', () => {
    for (const [label, events] of Object.entries(HISTORIES)) {
      const history = historyOf(events);
      const whole = stored(history, []);
      for (let cut = 1; cut < history.length; cut += 1) {
        expect(stored(history, [cut]), `${label}, cut at ${cut}`).toEqual(whole);
      }
      const everyEvent = Array.from({ length: history.length - 1 }, (_, i) => i + 1);
      expect(stored(history, everyEvent), `${label}, event by event`).toEqual(whole);
    }
  });

  it('gives the last rating an open until, the replaced ones the time they were replaced', () => {
    const history = historyOf([received, routed, assigned, accepted, resolved, rated(2), rated(5)]);
    const ratings = stored(history, [6]).filter((f) => f.kind === 'rated');
    expect(ratings.map((r) => [r.rating, r.until])).toEqual([
      [2, new Date(T0 + 6 * H)],
      [5, null],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { compileCalendar, PROVINCE_CALENDAR } from '../calendar/index.js';
import type { CaseEvent, RecordedEvent } from '../case/case-events.js';
import { applyEvent } from '../case/project.js';
import { DEFAULT_SLA_POLICIES } from '../sla/sla-policy.js';
import { factMeasureAt, measuredReportFactsOf, unitsMeasured, type SlaSources } from './index.js';

const calendar = compileCalendar(PROVINCE_CALENDAR);
const sources: SlaSources = {
  policies: Object.values(DEFAULT_SLA_POLICIES),
  calendarOf: () => calendar,
};
const t = (local: string) => new Date(`${local}+07:00`);
const UNIT = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const HANDLER = '00000000-0000-4000-8000-000000000003';

const historyOf = (events: [string, CaseEvent][]): RecordedEvent[] =>
  events.map(([at, event], i) => ({
    version: i + 1,
    at: t(at),
    actor: { kind: 'system', process: 'test' },
    event,
  }));

// A feedback case received Monday 23 November 2026 at 09:00: its resolution is due on
// Monday 7 December at 17:00 (P10D, compute-sla.test.ts).
const opening: [string, CaseEvent][] = [
  [
    '2026-11-23T09:00:00',
    {
      type: 'received',
      caseType: 'feedback',
      channel: 'web',
      categoryId: 'c',
      hotlineId: null,
      communeUnitId: null,
      priority: 'normal',
    },
  ],
  ['2026-11-23T09:05:00', { type: 'routed', unitId: UNIT, reason: 'rule' }],
  ['2026-11-23T10:00:00', { type: 'assigned', assigneeId: HANDLER }],
  ['2026-11-23T10:30:00', { type: 'accepted' }],
];
const resolvedAt = (at: string) =>
  historyOf([...opening, [at, { type: 'resolved', resolutionText: 'Đã xử lý.' }]]);
const resolution = (history: RecordedEvent[]) =>
  measuredReportFactsOf(history, sources).facts.find((f) => f.kind === 'resolved')!;

describe('the on-time definition, measured by the SLA engine', () => {
  it('counts a resolution on time up to the deadline in force, late after it', () => {
    expect(resolution(resolvedAt('2026-12-07T17:00:00')).isOnTime).toBe(true);
    expect(resolution(resolvedAt('2026-12-08T07:31:00')).isOnTime).toBe(false);
  });

  it('has no deadline in force at receipt', () => {
    const history = resolvedAt('2026-11-24T09:00:00');
    const state = applyEvent(null, history[0]!.event);
    expect(factMeasureAt(history, 0, state, sources)).toEqual({ dueAt: null, workingMs: 0 });
  });

  it('moves the deadline by the time awaiting the citizen and leaves that time out', () => {
    const history = historyOf([
      ...opening,
      ['2026-11-24T07:30:00', { type: 'info_requested', question: 'Ở đâu?' }],
      // A whole working day (07:30–11:30, 13:30–17:00: 7 h 30) awaiting the citizen.
      ['2026-11-25T07:30:00', { type: 'info_provided', text: 'Ở đây.' }],
      ['2026-12-08T07:31:00', { type: 'resolved', resolutionText: 'Đã xử lý.' }],
    ]);
    const resolved = resolution(history);
    expect(resolved.isOnTime).toBe(true);
    const plain = resolution(resolvedAt('2026-12-08T07:31:00'));
    expect(plain.workingMs! - resolved.workingMs!).toBe(7.5 * 3_600_000);
  });

  it('measures change by change as it measures the whole history', () => {
    const history = historyOf([
      ...opening,
      [
        '2026-11-24T08:00:00',
        { type: 'transferred', fromUnitId: UNIT, toUnitId: OTHER, reason: 'x' },
      ],
      ['2026-12-09T08:00:00', { type: 'resolved', resolutionText: 'Đã xử lý.' }],
    ]);
    const whole = measuredReportFactsOf(history, sources).facts;
    for (let cut = 1; cut < history.length; cut += 1) {
      let state = null;
      for (const h of history.slice(0, cut)) state = applyEvent(state, h.event);
      const before = measuredReportFactsOf(history.slice(0, cut), sources).facts;
      const after = measuredReportFactsOf(history, sources, { index: cut, state }).facts;
      expect(
        [...before, ...after].map((f) => [f.kind, f.seq, f.isOnTime, f.workingMs]),
        `cut at ${cut}`,
      ).toEqual(whole.map((f) => [f.kind, f.seq, f.isOnTime, f.workingMs]));
    }
  });

  it('names the units whose calendars it needs, from the event before the new ones', () => {
    const history = historyOf([
      ...opening,
      [
        '2026-11-24T08:00:00',
        { type: 'transferred', fromUnitId: UNIT, toUnitId: OTHER, reason: 'x' },
      ],
    ]);
    expect(unitsMeasured(history)).toEqual([null, UNIT, OTHER]);
    expect(unitsMeasured(history, 4)).toEqual([UNIT, OTHER]);
  });
});

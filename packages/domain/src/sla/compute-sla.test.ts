import { describe, expect, it } from 'vitest';
import { compileCalendar, PROVINCE_CALENDAR } from '../calendar/index.js';
import type { CaseEvent, RecordedEvent } from '../case/case-events.js';
import { formatInstant } from '../time/format-instant.js';
import { computeSla } from './compute-sla.js';
import { DEFAULT_SLA_POLICIES, selectPolicy, type SlaPolicy } from './sla-policy.js';

const calendar = compileCalendar(PROVINCE_CALENDAR);
const t = (local: string) => new Date(`${local}+07:00`);
const show = (d: Date | null) => (d ? formatInstant(d, 'Asia/Ho_Chi_Minh') : null);

const received = (caseType: CaseEvent & { type: 'received' } extends infer R ? R : never) =>
  caseType;
let version = 0;
const ev = (at: string, event: CaseEvent): RecordedEvent => ({
  version: ++version,
  at: t(at),
  actor: { kind: 'system', process: 'test' },
  event,
});
const feedback = received({
  type: 'received',
  caseType: 'feedback',
  channel: 'web',
  categoryId: 'c',
  hotlineId: null,
  communeUnitId: null,
  priority: 'normal',
});
const policy = DEFAULT_SLA_POLICIES.feedback;

describe('computeSla: a feedback case received Monday 23 November 2026 at 09:00', () => {
  const base = [
    ev('2026-11-23T09:00:00', feedback),
    ev('2026-11-23T09:05:00', { type: 'routed', unitId: 'u1', reason: 'rule' }),
  ];

  it('sets the three deadlines from the policy and the calendar', () => {
    const sla = computeSla(base, policy, calendar, t('2026-11-23T10:00:00'));
    // PT8H: 6 working hours on Monday (09:00–11:30, 13:30–17:00), the last 2 on Tuesday from 07:30.
    expect(show(sla.clocks.acceptance.dueAt)).toBe('2026-11-24T09:30:00+07:00');
    // P2D: the close of the second working day after the day of receipt.
    expect(show(sla.clocks.first_response.dueAt)).toBe('2026-11-25T17:00:00+07:00');
    // P10D: Tue 24 … Fri 27 (4), Mon 30 … Fri 4 Dec (9), Mon 7 Dec (10).
    expect(show(sla.clocks.resolution.dueAt)).toBe('2026-12-07T17:00:00+07:00');
    expect(sla.state).toBe('on_track');
    expect(sla.escalationAt.map(show)).toEqual([
      '2026-12-07T17:00:00+07:00',
      '2026-12-09T08:00:00+07:00', // + PT8H: Tuesday's 7 h 30, then 30 minutes on Wednesday
      '2026-12-11T17:00:00+07:00', // + P2D: the close of the second working day after Wednesday
    ]);
  });

  it('is at risk past 75 % of a target and breached past its deadline', () => {
    // Acceptance: 8 working hours, warning after 6 → Monday 17:00.
    expect(computeSla(base, policy, calendar, t('2026-11-23T16:59:00')).state).toBe('on_track');
    expect(computeSla(base, policy, calendar, t('2026-11-23T17:00:00')).state).toBe('at_risk');
    expect(computeSla(base, policy, calendar, t('2026-11-24T09:30:00')).state).toBe('breached');
  });

  it('pauses while awaiting the citizen and gives the paused working time back', () => {
    const history = [
      ...base,
      ev('2026-11-23T10:00:00', { type: 'accepted' }),
      ev('2026-11-24T10:00:00', { type: 'info_requested', question: 'Địa chỉ?' }),
      ev('2026-11-26T10:00:00', { type: 'info_provided', text: 'Thôn 3' }),
    ];
    const paused = computeSla(history.slice(0, 4), policy, calendar, t('2026-11-25T12:00:00'));
    expect(paused.isPaused).toBe(true);
    expect(paused.clocks.resolution.state).toBe('paused');
    const sla = computeSla(history, policy, calendar, t('2026-11-26T11:00:00'));
    // Paused Tue 10:00 → Thu 10:00: 5 h + 7 h 30 + 2 h 30 = 15 working hours.
    expect(sla.pausedWorkingMs).toBe(15 * 3600_000);
    // Mon 7 Dec 17:00 + 15 working hours = two more full days.
    expect(show(sla.clocks.resolution.dueAt)).toBe('2026-12-09T17:00:00+07:00');
    expect(sla.clocks.first_response.state).toBe('met');
    expect(sla.clocks.acceptance.state).toBe('met');
  });

  it('moves the deadline by an approved extension', () => {
    const history = [
      ...base,
      ev('2026-11-23T10:00:00', { type: 'accepted' }),
      ev('2026-12-01T09:00:00', {
        type: 'extension_granted',
        duration: 'P5D',
        reason: 'cần xác minh thực địa',
      }),
    ];
    const sla = computeSla(history, policy, calendar, t('2026-12-01T10:00:00'));
    expect(show(sla.clocks.resolution.dueAt)).toBe('2026-12-14T17:00:00+07:00');
  });

  it('gives back a pause that falls in the extended time, after the first deadline', () => {
    const history = [
      ...base,
      ev('2026-11-23T10:00:00', { type: 'accepted' }),
      ev('2026-12-01T09:00:00', { type: 'extension_granted', duration: 'P5D', reason: 'xác minh' }),
      ev('2026-12-08T10:00:00', { type: 'info_requested', question: 'Địa chỉ?' }),
      ev('2026-12-10T10:00:00', { type: 'info_provided', text: 'Thôn 3' }),
    ];
    const sla = computeSla(history, policy, calendar, t('2026-12-10T11:00:00'));
    // Extended to Mon 14 Dec 17:00; paused Tue 10:00 → Thu 10:00 (15 working hours).
    expect(show(sla.clocks.resolution.dueAt)).toBe('2026-12-16T17:00:00+07:00');
  });

  it('keeps the deadline through a transfer and records how long each unit held the case', () => {
    const history = [
      ...base,
      ev('2026-11-24T09:05:00', {
        type: 'transferred',
        fromUnitId: 'u1',
        toUnitId: 'u2',
        reason: 'sai thẩm quyền',
      }),
    ];
    const sla = computeSla(history, policy, calendar, t('2026-11-24T10:05:00'));
    expect(show(sla.clocks.resolution.dueAt)).toBe('2026-12-07T17:00:00+07:00');
    expect(sla.unitHoldings.map((h) => [h.unitId, h.workingMs / 3600_000])).toEqual([
      ['u1', 7.5],
      ['u2', 1],
    ]);
    const reset = computeSla(
      history,
      { ...policy, transferResetsDeadline: true },
      calendar,
      t('2026-11-24T10:05:00'),
    );
    expect(show(reset.clocks.resolution.dueAt)).toBe('2026-12-08T17:00:00+07:00');
  });

  it('counts a late resolution as breached, and a reopening restarts the resolution clock', () => {
    const late = [
      ...base,
      ev('2026-12-08T09:00:00', { type: 'resolved', resolutionText: 'Đã xử lý' }),
    ];
    const sla = computeSla(late, policy, calendar, t('2026-12-08T10:00:00'));
    expect(sla.clocks.resolution.state).toBe('met_late');
    expect(sla.state).toBe('breached');
    const onTime = [
      ...base,
      ev('2026-12-04T09:00:00', { type: 'resolved', resolutionText: 'Đã xử lý' }),
    ];
    expect(
      computeSla(onTime, policy, calendar, t('2026-12-10T00:00:00')).clocks.resolution.state,
    ).toBe('met');
    const reopened = [
      ...onTime,
      ev('2026-12-07T08:00:00', { type: 'reopened', reason: 'chưa thỏa đáng' }),
    ];
    const again = computeSla(reopened, policy, calendar, t('2026-12-07T09:00:00'));
    expect(again.clocks.resolution.state).toBe('running');
    expect(show(again.clocks.resolution.dueAt)).toBe('2026-12-21T17:00:00+07:00');
  });
});

describe('computeSla: a complaint counts calendar days from acceptance', () => {
  const complaint = DEFAULT_SLA_POLICIES.complaint;
  const history = [
    ev('2026-11-02T09:00:00', { ...feedback, caseType: 'complaint' }),
    ev('2026-11-05T14:00:00', { type: 'accepted' }),
  ];

  it('gives 30 calendar days from acceptance (45 when complex), ending at a working close', () => {
    const sla = computeSla(history, complaint, calendar, t('2026-11-06T09:00:00'));
    // Accepted Thursday 5 November; 30 days later is Saturday 5 December → Monday 7 December.
    expect(show(sla.clocks.resolution.dueAt)).toBe('2026-12-07T17:00:00+07:00');
    const complex = computeSla(
      [...history, ev('2026-11-06T09:00:00', { type: 'triaged', isComplex: true })],
      complaint,
      calendar,
      t('2026-11-06T10:00:00'),
    );
    // 45 days after 5 November is Sunday 20 December → Monday 21 December.
    expect(show(complex.clocks.resolution.dueAt)).toBe('2026-12-21T17:00:00+07:00');
  });

  it('has no resolution deadline before acceptance', () => {
    const sla = computeSla(history.slice(0, 1), complaint, calendar, t('2026-11-03T09:00:00'));
    expect(sla.clocks.resolution.state).toBe('not_started');
    expect(show(sla.clocks.acceptance.dueAt)).toBe('2026-11-12T17:00:00+07:00');
  });
});

describe('selectPolicy', () => {
  const mk = (
    id: string,
    categoryId: string | null,
    priority: SlaPolicy['priority'],
  ): SlaPolicy => ({
    ...DEFAULT_SLA_POLICIES.feedback,
    id,
    categoryId,
    priority,
  });
  const stored = [
    mk('type', null, null),
    mk('cat', 'c1', null),
    mk('prio', null, 'urgent'),
    mk('both', 'c1', 'urgent'),
  ];
  it('prefers the most specific policy, then the built-in default', () => {
    expect(
      selectPolicy(stored, { caseType: 'feedback', categoryId: 'c1', priority: 'urgent' }).id,
    ).toBe('both');
    expect(
      selectPolicy(stored, { caseType: 'feedback', categoryId: 'c1', priority: 'normal' }).id,
    ).toBe('cat');
    expect(
      selectPolicy(stored, { caseType: 'feedback', categoryId: 'c2', priority: 'urgent' }).id,
    ).toBe('prio');
    expect(
      selectPolicy(stored, { caseType: 'feedback', categoryId: 'c2', priority: 'low' }).id,
    ).toBe('type');
    expect(
      selectPolicy(stored, { caseType: 'complaint', categoryId: 'c1', priority: 'low' }).id,
    ).toBe('default-complaint');
  });
});

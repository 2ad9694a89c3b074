import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import type { OfficialRole } from '../roles.js';
import type { CaseEvent } from './case-events.js';
import { isOpen, type CaseState } from './case-state.js';
import { decide, type Principal } from './decide.js';
import { applyEvent, projectCase } from './project.js';
import { resolutionOf } from './resolution-approval.js';
import type { ActorRole, Change } from './transitions.js';

const received: CaseEvent = {
  type: 'received',
  caseType: 'feedback',
  channel: 'web',
  categoryId: 'cat-1',
  hotlineId: null,
  communeUnitId: null,
  priority: 'normal',
};
const UNITS = ['unit-a', 'unit-b'];
const HANDLERS = ['h-1', 'h-2'];
const system: Principal = { kind: 'system', process: 'test' };
const official = (id: string, roles: OfficialRole[], units?: string[]): Principal => ({
  kind: 'official',
  officialId: id,
  roles,
  ...(units ? { scopeUnitIds: new Set(units) } : {}),
});
const citizen: Principal = { kind: 'citizen' };

const start = (...events: CaseEvent[]) => projectCase([received, ...events])!;

describe('decide: worked examples', () => {
  const routed = start({ type: 'routed', unitId: 'unit-a', reason: 'triage_fallback' });
  const assigned = applyEvent(routed, { type: 'assigned', assigneeId: 'h-1' });
  const working = applyEvent(assigned, { type: 'accepted' });

  it('refuses an illegal transition with a typed reason', () => {
    const d = decide(
      routed,
      { type: 'resolved', resolutionText: 'xong' },
      official('h-1', ['handler']),
    );
    expect(d).toEqual({
      ok: false,
      error: {
        code: 'ILLEGAL_TRANSITION',
        event: 'resolved',
        rule: 'not_allowed_in_status',
        reason: 'cannot resolved a case that is received',
      },
    });
  });

  it('takes information as words, files or both, never as nothing', () => {
    const awaiting = applyEvent(working, { type: 'info_requested', question: 'Ở đâu?' });
    const answer = (text: string, attachmentIds?: string[]) =>
      decide(
        awaiting,
        { type: 'info_provided', text, ...(attachmentIds ? { attachmentIds } : {}) },
        citizen,
      );
    expect(answer('Ngõ 5').ok).toBe(true);
    expect(answer('', ['file-1']).ok).toBe(true);
    expect(answer(' ', [])).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION', reason: 'the information needs a text or a file' },
    });
  });

  it('refuses a role that may not act', () => {
    const d = decide(assigned, { type: 'accepted' }, citizen);
    expect(d.ok ? null : d.error.code).toBe('FORBIDDEN');
  });

  it('lets only the assignee (or a unit leader) accept', () => {
    expect(
      decide(assigned, { type: 'accepted' }, official('h-2', ['handler'], ['unit-a'])).ok,
    ).toBe(false);
    expect(
      decide(assigned, { type: 'accepted' }, official('h-1', ['handler'], ['unit-a'])).ok,
    ).toBe(true);
    expect(
      decide(assigned, { type: 'accepted' }, official('l-1', ['unit_leader'], ['unit-a'])).ok,
    ).toBe(true);
  });

  it("keeps unit-scoped roles to their unit's cases", () => {
    const d = decide(assigned, { type: 'accepted' }, official('h-1', ['handler'], ['unit-b']));
    expect(d.ok ? null : d.error).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'the case belongs to another unit',
    });
  });

  it('pauses with info_requested and resumes with info_provided', () => {
    const asked = decide(
      working,
      { type: 'info_requested', question: 'Địa chỉ cụ thể?' },
      official('h-1', ['handler']),
    );
    expect(asked.ok).toBe(true);
    const paused = applyEvent(working, { type: 'info_requested', question: 'Địa chỉ cụ thể?' });
    expect(paused.status).toBe('awaiting_citizen');
    expect(decide(paused, { type: 'info_provided', text: 'Số 5' }, citizen).ok).toBe(true);
  });

  it('refuses an extension past the policy limit', () => {
    const once = applyEvent(working, {
      type: 'extension_granted',
      duration: 'P10D',
      reason: 'phức tạp',
    });
    const change: Change = { type: 'extension_granted', duration: 'P10D', reason: 'lần hai' };
    const leader = official('l-1', ['unit_leader'], ['unit-a']);
    expect(decide(once, change, leader, { maxExtensions: 1 })).toMatchObject({
      ok: false,
      error: { code: 'EXTENSION_LIMIT' },
    });
    expect(decide(once, change, leader, { maxExtensions: 2 }).ok).toBe(true);
  });

  it('counts transfers and clears the assignee', () => {
    const t = applyEvent(working, {
      type: 'transferred',
      fromUnitId: 'unit-a',
      toUnitId: 'unit-b',
      reason: 'sai thẩm quyền',
    });
    expect(t).toMatchObject({
      status: 'triaged',
      unitId: 'unit-b',
      assigneeId: null,
      transferCount: 1,
    });
  });

  it('refuses a transfer without a reason', () => {
    const d = decide(
      working,
      { type: 'transferred', fromUnitId: 'unit-a', toUnitId: 'unit-b', reason: ' ' },
      official('l-1', ['unit_leader'], ['unit-a']),
    );
    expect(d).toMatchObject({
      ok: false,
      error: {
        code: 'RULE_VIOLATION',
        rule: 'transfer_reason_required',
        reason: 'a transfer needs a reason',
      },
    });
  });

  it('rates once, after resolution', () => {
    const resolved = applyEvent(working, { type: 'resolved', resolutionText: 'Đã xử lý' });
    expect(decide(resolved, { type: 'rated', rating: 5 }, citizen).ok).toBe(true);
    const rated = applyEvent(resolved, { type: 'rated', rating: 5 });
    expect(decide(rated, { type: 'rated', rating: 4 }, citizen).ok).toBe(false);
  });
});

// Random commands from random principals; only the accepted ones enter the history. Plain
// handlers and leaders come often, so histories reach the work and the answers.
const principalArb = fc.oneof(
  fc.constant(citizen),
  fc.constant(system),
  fc.constantFrom(...HANDLERS).map((id) => official(id, ['handler'])),
  fc.constant(official('l-1', ['unit_leader'])),
  fc.record({
    kind: fc.constant('official' as const),
    officialId: fc.constantFrom(...HANDLERS, 'l-1', 'op-1', 'sup-1'),
    roles: fc.subarray(
      [
        'operator',
        'handler',
        'unit_leader',
        'hotline_owner',
        'supervisor',
        'admin',
        'auditor',
      ] as OfficialRole[],
      { minLength: 1 },
    ),
  }),
);
const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ type: fc.constant('triaged' as const), isComplex: fc.boolean() }),
  fc.record({
    type: fc.constant('routed' as const),
    unitId: fc.constantFrom(...UNITS),
    reason: fc.constant('rule' as const),
  }),
  fc.record({ type: fc.constant('assigned' as const), assigneeId: fc.constantFrom(...HANDLERS) }),
  fc.constant({ type: 'accepted' as const }),
  fc.constant({ type: 'info_requested' as const, question: 'Bổ sung?' }),
  fc.constant({ type: 'info_provided' as const, text: 'Đây' }),
  fc.record({
    type: fc.constant('transferred' as const),
    fromUnitId: fc.constantFrom(...UNITS),
    toUnitId: fc.constantFrom(...UNITS),
    reason: fc.constant('sai thẩm quyền'),
  }),
  fc.constant({ type: 'extension_requested' as const, duration: 'P5D', reason: 'cần xác minh' }),
  fc.constant({ type: 'extension_granted' as const, duration: 'P5D', reason: 'đồng ý' }),
  fc.constant({ type: 'replied' as const, text: 'Trả lời' }),
  fc.constant({ type: 'resolved' as const, resolutionText: 'Đã xử lý' }),
  fc.constant({ type: 'resolution_proposed' as const, resolutionText: 'Đề xuất' }),
  fc.constant({ type: 'resolution_refused' as const, reason: 'Bổ sung' }),
  fc.constantFrom(
    { type: 'closed' as const, reason: 'citizen_confirmed' as const },
    { type: 'reopened' as const, reason: 'chưa thỏa đáng' },
    { type: 'rejected' as const, reason: 'spam' as const, note: 'Tin rác' },
    { type: 'merged' as const, intoCaseId: 'other' },
    { type: 'comment_added' as const, text: 'ghi chú', isInternal: true },
  ),
  fc.record({
    type: fc.constant('escalated' as const),
    level: fc.integer({ min: 1, max: 3 }),
    toOfficialId: fc.constant(null),
    toUnitId: fc.constant(null),
    reason: fc.constant('deadline_passed' as const),
  }),
  fc.record({
    type: fc.constant('rated' as const),
    rating: fc.constantFrom<1 | 2 | 3 | 4 | 5>(1, 2, 3, 4, 5),
  }),
);

const AT_WORK: CaseEvent[] = [
  { type: 'routed', unitId: 'unit-a', reason: 'triage_fallback' },
  { type: 'assigned', assigneeId: 'h-1' },
  { type: 'accepted' },
];
const rolesOf = (p: Principal): readonly ActorRole[] =>
  p.kind === 'official' ? p.roles : [p.kind];
/** An official's answer as the API turns it into a change (resolved, or a proposal). */
const ANSWER = 'answer' as const;

describe('the case machine under random histories', () => {
  it.prop(
    [
      // 'max': without it fast-check keeps arrays to about ten items, too few to reach work.
      fc.array(fc.tuple(fc.oneof(changeArb, fc.constant(ANSWER)), principalArb), {
        maxLength: 80,
        size: 'max',
      }),
      // The unit's rule: whether a handler's resolution waits for a leader's approval.
      fc.boolean(),
      // Half the walks start from a case at work, so answers and approvals come often.
      fc.boolean(),
    ],
    { numRuns: 300 },
  )(
    'replaying the accepted history through project equals the stored projection, and invariants hold',
    (commands, unitWantsApproval, fromWork) => {
      const history: CaseEvent[] = fromWork ? [received, ...AT_WORK] : [received];
      let stored: CaseState = projectCase(history)!;
      for (const [command, principal] of commands) {
        const before = stored;
        const roles = rolesOf(principal);
        const change =
          command === ANSWER ? resolutionOf(stored, 'Trả lời', roles, unitWantsApproval) : command;
        const decision = decide(stored, change, principal, {
          maxExtensions: 2,
          resolutionNeedsApproval: unitWantsApproval,
        });
        // Only a leader resolves where the unit wants approval or a proposal waits; any other
        // actor hears why, whatever else is wrong, and is never told so for an answer (which
        // becomes a proposal instead).
        const approving = unitWantsApproval || before.pendingResolution !== undefined;
        const leaderOnly = !decision.ok && decision.error.rule === 'leader_only';
        expect(leaderOnly).toBe(
          change.type === 'resolved' && approving && !roles.includes('unit_leader'),
        );
        if (command === ANSWER) expect(leaderOnly).toBe(false);
        if (!decision.ok) continue;
        if (change.type === 'resolved' && approving) expect(roles).toContain('unit_leader');
        // A leader's own answer never waits for another's approval.
        if (command === ANSWER && roles.includes('unit_leader'))
          expect(change.type).toBe('resolved');
        for (const e of decision.events) {
          history.push(e);
          stored = applyEvent(stored, e); // what the database row holds after each append
        }
        // Terminal states stay terminal.
        if (before.status === 'merged' || before.status === 'rejected') {
          expect(stored.status).toBe(before.status);
        }
      }
      expect(projectCase(history)).toEqual(stored);
      expect(stored.version).toBe(history.length);
      if (['assigned', 'in_progress', 'awaiting_citizen'].includes(stored.status)) {
        expect(stored.assigneeId).not.toBeNull();
        expect(stored.unitId).not.toBeNull();
      }
      expect(stored.extensionsGranted).toBeLessThanOrEqual(2);
      if (!isOpen(stored.status)) expect(stored.pendingExtension).toBeNull();
    },
  );
});

import { describe, expect, it } from 'vitest';
import type { CaseEvent } from './case-events.js';
import { decide, type Principal } from './decide.js';
import { applyEvent, projectCase } from './project.js';
import { mayApproveResolution, resolutionOf } from './resolution-approval.js';

const received: CaseEvent = {
  type: 'received',
  caseType: 'feedback',
  channel: 'web',
  categoryId: 'cat-1',
  hotlineId: null,
  communeUnitId: null,
  priority: 'normal',
};
const handler: Principal = {
  kind: 'official',
  officialId: 'h-1',
  roles: ['handler'],
  scopeUnitIds: new Set(['unit-a']),
};
const leader: Principal = {
  kind: 'official',
  officialId: 'l-1',
  roles: ['unit_leader'],
  scopeUnitIds: new Set(['unit-a']),
};
const working = projectCase([
  received,
  { type: 'routed', unitId: 'unit-a', reason: 'triage_fallback' },
  { type: 'assigned', assigneeId: 'h-1' },
  { type: 'accepted' },
])!;

describe('extension refusals and resolution approval', () => {
  it('refuses a pending extension only, with a reason, by a leader', () => {
    const refuse = { type: 'extension_refused', duration: 'P2D', reason: 'không' } as const;
    expect(decide(working, refuse, leader)).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION' },
    });
    const pending = applyEvent(working, {
      type: 'extension_requested',
      duration: 'P2D',
      reason: 'phối hợp',
    });
    expect(decide(pending, refuse, handler)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(decide(pending, refuse, leader).ok).toBe(true);
    expect(applyEvent(pending, refuse).pendingExtension).toBeNull();
  });

  it('a proposal waits; refusal sends it back; resolution clears it', () => {
    const proposed = applyEvent(working, { type: 'resolution_proposed', resolutionText: 'xong' });
    expect(proposed).toMatchObject({ status: 'in_progress', pendingResolution: 'xong' });
    expect(
      decide(proposed, { type: 'resolution_proposed', resolutionText: 'lại' }, handler),
    ).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    const refusal = { type: 'resolution_refused', reason: 'bổ sung' } as const;
    expect(decide(proposed, refusal, handler)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const back = applyEvent(proposed, refusal);
    expect(back.pendingResolution).toBeUndefined();
    expect(decide(back, refusal, leader)).toMatchObject({ error: { code: 'RULE_VIOLATION' } });
    const resolved = applyEvent(proposed, { type: 'resolved', resolutionText: 'xong' });
    expect(resolved.status).toBe('resolved');
    expect('pendingResolution' in resolved).toBe(false);
  });

  it('a transfer drops a proposal made in the old unit', () => {
    const proposed = applyEvent(working, { type: 'resolution_proposed', resolutionText: 'xong' });
    const moved = applyEvent(proposed, {
      type: 'transferred',
      fromUnitId: 'unit-a',
      toUnitId: 'unit-b',
      reason: 'sai thẩm quyền',
    });
    expect('pendingResolution' in moved).toBe(false);
  });
});

describe('resolution approval is a leader’s', () => {
  const answer = { type: 'resolved', resolutionText: 'xong' } as const;
  const leaderOnly = {
    ok: false,
    error: {
      code: 'FORBIDDEN',
      rule: 'leader_only',
      reason: 'only a unit leader may approve a resolution',
    },
  };
  const admin: Principal = { kind: 'official', officialId: 'a-1', roles: ['admin'] };

  it('lets a handler resolve where the unit wants no approval, and only a leader where it does', () => {
    expect(decide(working, answer, handler).ok).toBe(true);
    expect(decide(working, answer, handler, { resolutionNeedsApproval: true })).toMatchObject(
      leaderOnly,
    );
    expect(decide(working, answer, leader, { resolutionNeedsApproval: true }).ok).toBe(true);
  });

  it('keeps a pending proposal to a leader, whatever else the actor may do', () => {
    const proposed = applyEvent(working, { type: 'resolution_proposed', resolutionText: 'xong' });
    expect(decide(proposed, answer, handler)).toMatchObject(leaderOnly);
    expect(decide(proposed, answer, admin)).toMatchObject(leaderOnly);
    expect(decide(proposed, answer, leader).ok).toBe(true);
  });

  it('turns a handler’s answer into a proposal where approval is needed, a leader’s never', () => {
    expect(resolutionOf(working, 'xong', ['handler'], true).type).toBe('resolution_proposed');
    expect(resolutionOf(working, 'xong', ['handler'], false).type).toBe('resolved');
    expect(resolutionOf(working, 'xong', ['unit_leader'], true).type).toBe('resolved');
    expect(mayApproveResolution(['handler', 'admin'])).toBe(false);
    expect(mayApproveResolution(['handler', 'unit_leader'])).toBe(true);
  });
});

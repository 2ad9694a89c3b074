import { describe, expect, it } from 'vitest';
import { projectCase } from './project-case.js';
import { decideInitialRouting } from './route-case.js';
import type { CaseEvent } from './case-events.js';

const received: CaseEvent = {
  type: 'received',
  caseType: 'feedback',
  channel: 'web',
  categoryId: 'c1',
  hotlineId: null,
  communeUnitId: null,
  priority: 'normal',
};

describe('decideInitialRouting', () => {
  const state = projectCase([received]);
  it('routes to the hotline owner unit when there is one', () => {
    expect(decideInitialRouting(state!, { hotlineUnitId: 'u-h', triageUnitId: 'u-t' })).toEqual({
      type: 'routed',
      unitId: 'u-h',
      reason: 'hotline_owner_unit',
    });
  });
  it('falls back to the triage unit', () => {
    expect(decideInitialRouting(state!, { hotlineUnitId: null, triageUnitId: 'u-t' })?.unitId).toBe(
      'u-t',
    );
  });
  it('does nothing once routed (redelivery is a no-op)', () => {
    const routed = projectCase([
      received,
      { type: 'routed', unitId: 'u-t', reason: 'triage_fallback' },
    ]);
    expect(routed?.version).toBe(2);
    expect(decideInitialRouting(routed!, { hotlineUnitId: null, triageUnitId: 'u-t' })).toBeNull();
  });
});

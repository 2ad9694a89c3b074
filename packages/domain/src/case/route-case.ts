import type { Routed } from './case-events.js';
import type { CaseState } from './case-state.js';

export interface RoutingContext {
  /** The unit of the hotline the case came through, if any. */
  hotlineUnitId: string | null;
  /** The province's triage unit (Trung tâm Phục vụ hành chính công). */
  triageUnitId: string;
}

/**
 * Decides the first unit for a freshly received case. Returns no event when the case has
 * already been routed, which makes a redelivered routing job a no-op.
 */
export function decideInitialRouting(
  state: Pick<CaseState, 'status' | 'unitId'>,
  ctx: RoutingContext,
): Routed | null {
  if (state.unitId !== null || state.status !== 'received') return null;
  return ctx.hotlineUnitId
    ? { type: 'routed', unitId: ctx.hotlineUnitId, reason: 'hotline_owner_unit' }
    : { type: 'routed', unitId: ctx.triageUnitId, reason: 'triage_fallback' };
}

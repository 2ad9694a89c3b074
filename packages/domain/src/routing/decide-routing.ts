import type { Routed } from '../case/case-events.js';
import type { CaseState } from '../case/case-state.js';
import { decideInitialRouting, type RoutingContext } from '../case/route-case.js';
import type { AssignmentStrategy, RoutingMatch } from './routing-rule.js';

/** Where a case goes and how its handler is then chosen. */
export interface RoutingDecision {
  routed: Routed;
  strategy: AssignmentStrategy;
  /** The official a `named` rule assigns to. */
  namedOfficialId: string | null;
}

/**
 * The first unit of a received case: the matching rule's target unit, else the fallback (the
 * hotline owner's unit, else the triage unit, both with the unit queue). Null when the case
 * is already routed, which makes a redelivered routing job a no-op.
 */
export function decideRouting(
  state: Pick<CaseState, 'status' | 'unitId'>,
  match: RoutingMatch | null,
  fallback: RoutingContext,
): RoutingDecision | null {
  if (state.unitId !== null || state.status !== 'received') return null;
  if (match) {
    const { rule } = match;
    return {
      routed: { type: 'routed', unitId: rule.targetUnitId, reason: 'rule', ruleId: rule.id },
      strategy: rule.strategy,
      namedOfficialId: rule.strategy === 'named' ? rule.namedOfficialId : null,
    };
  }
  const routed = decideInitialRouting(state, fallback);
  return routed && { routed, strategy: 'unit_queue', namedOfficialId: null };
}

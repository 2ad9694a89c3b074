import { changeCase, type CaseChangeDeps } from './change-case.js';
import { planRouting } from './routing/plan-routing.js';

export type RouteCaseOutcome =
  | { outcome: 'routed'; unitId: string; assigneeId: string | null }
  | { outcome: 'already_routed'; unitId: string | null };

const ROUTER = { kind: 'system', process: 'worker:routing' } as const;

/**
 * Sends a received case to its first unit: the first matching routing rule's unit (and a
 * handler, by the rule's strategy), else the hotline owner's unit, else the province triage
 * unit. Idempotent: the decision is taken on the locked case, so a redelivered job, or two
 * deliveries at once, find it routed and change nothing.
 */
export async function routeCase(
  deps: CaseChangeDeps,
  caseId: string,
  now: Date,
): Promise<RouteCaseOutcome> {
  const result = await changeCase(
    deps,
    caseId,
    (state, _current, tx) => planRouting(tx, caseId, state),
    ROUTER,
    now,
  );
  return result.changed && result.state.unitId
    ? { outcome: 'routed', unitId: result.state.unitId, assigneeId: result.state.assigneeId }
    : { outcome: 'already_routed', unitId: result.state.unitId };
}

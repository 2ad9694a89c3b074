import { changeCases, type CaseChangeDeps } from './change-case.js';
import { AppError } from './errors.js';
import { planRouting, prefetchRoutingFacts, routingReads } from './routing/plan-routing.js';

export type RouteCaseOutcome =
  | { outcome: 'routed'; unitId: string; assigneeId: string | null }
  | { outcome: 'already_routed'; unitId: string | null };

const ROUTER = { kind: 'system', process: 'worker:routing' } as const;

/**
 * Sends received cases to their first unit: the first matching routing rule's unit (and a
 * handler, by the rule's strategy), else the hotline owner's unit, else the province triage
 * unit. Idempotent: each decision is taken on the locked case, so a redelivered job, or two
 * deliveries at once, find it routed and change nothing. The cases of a batch share one
 * transaction and the reads of rules, policies and calendars; the outcome of each case is an
 * outcome or its error (a case that does not exist fails alone).
 */
export async function routeCases(
  deps: CaseChangeDeps,
  caseIds: readonly string[],
  now: Date,
): Promise<(RouteCaseOutcome | AppError)[]> {
  const reads = routingReads();
  let prefetched = false;
  const outcomes = await changeCases(
    deps,
    caseIds.map((caseId) => ({
      caseId,
      principal: ROUTER,
      request: async (state, _current, tx) => {
        // Once, under the locks: the texts and hotline owners of every case of the batch.
        if (!prefetched) await prefetchRoutingFacts(tx, reads, [...caseIds]);
        prefetched = true;
        return planRouting(tx, caseId, state, reads);
      },
    })),
    now,
  );
  return outcomes.map((o) => {
    if (!o.ok) return o.error;
    const { state, changed } = o.value;
    return changed && state.unitId
      ? { outcome: 'routed', unitId: state.unitId, assigneeId: state.assigneeId }
      : { outcome: 'already_routed', unitId: state.unitId };
  });
}

/** One case: a batch of one, its error thrown. */
export async function routeCase(
  deps: CaseChangeDeps,
  caseId: string,
  now: Date,
): Promise<RouteCaseOutcome> {
  const [outcome] = await routeCases(deps, [caseId], now);
  if (outcome instanceof AppError) throw outcome;
  return outcome!;
}

import { findCaseForRouting, findTriageUnitId, type Database } from '@hotline/db';
import { decideInitialRouting } from '@hotline/domain';
import { changeCase } from './change-case.js';
import { AppError } from './errors.js';

export type RouteCaseOutcome =
  { outcome: 'routed'; unitId: string } | { outcome: 'already_routed'; unitId: string | null };

const ROUTER = { kind: 'system', process: 'worker:routing' } as const;

/**
 * Sends a received case to its first unit: the hotline owner's unit, else the province triage
 * unit. Idempotent: the decision is taken on the locked case, so a redelivered job, or two
 * deliveries at once, find it routed and change nothing.
 */
export async function routeCase(
  deps: { db: Database },
  caseId: string,
  now: Date,
): Promise<RouteCaseOutcome> {
  const c = await findCaseForRouting(deps.db, caseId);
  if (!c) throw new AppError('CASE_NOT_FOUND', `case ${caseId} not found`);
  const triageUnitId = c.hotlineUnitId ? null : await findTriageUnitId(deps.db);
  if (!c.hotlineUnitId && !triageUnitId) {
    throw new AppError('NO_TRIAGE_UNIT', 'no province triage unit is configured');
  }
  const result = await changeCase(
    deps,
    caseId,
    (state) =>
      decideInitialRouting(state, {
        hotlineUnitId: c.hotlineUnitId,
        triageUnitId: triageUnitId ?? '',
      }),
    ROUTER,
    now,
  );
  return result.changed && result.state.unitId
    ? { outcome: 'routed', unitId: result.state.unitId }
    : { outcome: 'already_routed', unitId: result.state.unitId };
}

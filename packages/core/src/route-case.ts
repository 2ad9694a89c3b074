import {
  appendCaseEvents,
  findCaseForRouting,
  findTriageUnitId,
  VersionConflictError,
  type Database,
} from '@hotline/db';
import { decideInitialRouting } from '@hotline/domain';
import { AppError } from './errors.js';

export type RouteCaseOutcome =
  { outcome: 'routed'; unitId: string } | { outcome: 'already_routed'; unitId: string | null };

const ACTOR = { kind: 'system', process: 'worker:routing' } as const;

/**
 * Sends a received case to its first unit: the hotline owner's unit, else the province triage
 * unit. Idempotent: a second delivery of the same job finds the case routed and does nothing.
 */
export async function routeCase(
  deps: { db: Database },
  caseId: string,
  now: Date,
): Promise<RouteCaseOutcome> {
  for (let attempt = 0; ; attempt++) {
    const c = await findCaseForRouting(deps.db, caseId);
    if (!c) throw new AppError('CASE_NOT_FOUND', `case ${caseId} not found`);
    const triageUnitId = c.hotlineUnitId ? null : await findTriageUnitId(deps.db);
    if (!c.hotlineUnitId && !triageUnitId) {
      throw new AppError('NO_TRIAGE_UNIT', 'no province triage unit is configured');
    }
    const event = decideInitialRouting(
      { status: c.status, unitId: c.unitId, version: c.version },
      { hotlineUnitId: c.hotlineUnitId, triageUnitId: triageUnitId ?? '' },
    );
    if (!event) return { outcome: 'already_routed', unitId: c.unitId };
    try {
      await deps.db.transaction((tx) =>
        appendCaseEvents(tx, {
          caseId,
          expectedVersion: c.version,
          events: [event],
          actor: ACTOR,
          at: now,
          patch: { unitId: event.unitId },
        }),
      );
      return { outcome: 'routed', unitId: event.unitId };
    } catch (err) {
      // Another writer got there first: reload and decide again (it is usually a no-op then).
      if (err instanceof VersionConflictError && attempt < 3) continue;
      throw err;
    }
  }
}

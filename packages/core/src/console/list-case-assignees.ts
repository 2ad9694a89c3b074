import type { CaseAssignees } from '@hotline/contracts';
import {
  findCaseInScope,
  findUnitsByIds,
  listAssignableOfficials,
  type Database,
} from '@hotline/db';
import { caseScopeFor, requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { AppError } from '../errors.js';

/**
 * Who a case can be given to: the active handlers and leaders of its unit, with how many open
 * cases each holds (a leader spreads the load). Only for a case in the official's scope.
 */
export async function listCaseAssignees(
  deps: { db: Database },
  who: ActingOfficial,
  ref: string,
): Promise<CaseAssignees> {
  requireAccess(who, 'case.read');
  const scope = await caseScopeFor(deps.db, who);
  const row = await findCaseInScope(deps.db, scope, ref);
  if (!row) throw new AppError('CASE_NOT_FOUND', 'no such case in your scope');
  if (!row.unitId) return { unit: null, officials: [] };
  const [units, officials] = await Promise.all([
    findUnitsByIds(deps.db, [row.unitId]),
    listAssignableOfficials(deps.db, row.unitId),
  ]);
  const unit = units[0];
  return {
    unit: unit ? { code: unit.code, name: unit.name } : null,
    officials: officials.map((o) => ({
      ...o,
      roles: [...o.roles],
      openCases: Number(o.openCases),
    })),
  };
}

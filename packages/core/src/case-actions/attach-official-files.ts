import { findCaseInScope, loadCaseHistory, type Database } from '@hotline/db';
import { decide, projectCase } from '@hotline/domain';
import {
  principalInScope,
  requireScope,
  scopeOfOfficial,
  type ActingOfficial,
} from '../auth/acting-official.js';
import { AppError } from '../errors.js';

/**
 * Whether an official may attach files to a case: in scope (else CASE_NOT_FOUND), and allowed
 * to write on it (the same rule as an internal note). Returns the case id.
 */
export async function authorizeOfficialAttachment(
  deps: { db: Database },
  who: ActingOfficial,
  ref: string,
): Promise<string> {
  requireScope(who, 'cases:write');
  const scope = await scopeOfOfficial(deps.db, who);
  const row = await findCaseInScope(deps.db, scope, ref);
  if (!row) throw new AppError('CASE_NOT_FOUND', 'no such case in your scope');
  const state = projectCase((await loadCaseHistory(deps.db, row.id)).map((h) => h.event));
  if (!state) throw new AppError('CASE_NOT_FOUND', 'no such case in your scope');
  const decision = decide(
    state,
    { type: 'comment_added', text: 'attachment', isInternal: true },
    principalInScope(who, scope),
  );
  if (!decision.ok) {
    throw new AppError('FORBIDDEN', decision.error.reason, [
      { field: 'case', reason: decision.error.rule },
    ]);
  }
  return row.id;
}

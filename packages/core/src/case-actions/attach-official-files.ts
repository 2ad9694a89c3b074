import { findCaseInScope, loadCaseHistory, type Database } from '@hotline/db';
import { projectCase } from '@hotline/domain';
import { caseScopeFor, principalInScope, requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
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
  requireAccess(who, 'case.change');
  const scope = await caseScopeFor(deps.db, who);
  const row = await findCaseInScope(deps.db, scope, ref);
  if (!row) throw new AppError('CASE_NOT_FOUND', 'no such case in your scope');
  const state = projectCase((await loadCaseHistory(deps.db, row.id)).map((h) => h.event));
  if (!state) throw new AppError('CASE_NOT_FOUND', 'no such case in your scope');
  requireAccess(principalInScope(who, scope), 'change:comment_added', [state]);
  return row.id;
}

import type { ModerationCase } from '@hotline/contracts';
import { findModerationCase } from '@hotline/db';
import { changeCase, type CaseChangeDeps, type ChangeRequest } from '../change-case.js';
import type { CaseScope } from '@hotline/db';
import { caseScopeFor, principalInScope, requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { AppError } from '../errors.js';
import { moderationViewOf } from './moderation-view.js';

/**
 * A moderator's decision on one case in their moderation scope (out of scope: 404), recorded
 * through the case's change with its actor; answers the case as moderation now sees it.
 */
export async function decidePublication(
  deps: CaseChangeDeps,
  who: ActingOfficial,
  caseId: string,
  decide: (scope: CaseScope) => ChangeRequest,
  now: Date,
): Promise<ModerationCase> {
  requireAccess(who, 'moderation.decide');
  const scope = await caseScopeFor(deps.db, who, 'moderate');
  if (!(await findModerationCase(deps.db, scope, caseId))) {
    throw new AppError('CASE_NOT_FOUND', `case ${caseId} not found`);
  }
  await changeCase(deps, caseId, decide(scope), principalInScope(who, scope), now);
  const row = await findModerationCase(deps.db, scope, caseId);
  return moderationViewOf(row!);
}

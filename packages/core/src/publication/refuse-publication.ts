import type { ModerationCase, RefusePublicationBody } from '@hotline/contracts';
import { findModerationCase } from '@hotline/db';
import { changeCase, type CaseChangeDeps } from '../change-case.js';
import { principalInScope, requireScope, type ActingOfficial } from '../auth/acting-official.js';
import { AppError } from '../errors.js';
import { moderationScopeOf } from './moderation-scope.js';
import { moderationViewOf } from './moderation-view.js';

/**
 * An official refuses to publish a case, with a reason (also to withdraw one published
 * before): a `publication_refused` event with its actor; the case leaves every public list.
 */
export async function refusePublication(
  deps: CaseChangeDeps,
  who: ActingOfficial,
  caseId: string,
  body: RefusePublicationBody,
  now: Date,
): Promise<ModerationCase> {
  requireScope(who, 'cases:write');
  const scope = await moderationScopeOf(deps.db, who);
  if (!(await findModerationCase(deps.db, scope, caseId))) {
    throw new AppError('CASE_NOT_FOUND', `case ${caseId} not found`);
  }
  await changeCase(
    deps,
    caseId,
    { type: 'publication_refused', reason: body.reason.trim() },
    principalInScope(who, scope),
    now,
  );
  const row = await findModerationCase(deps.db, scope, caseId);
  return moderationViewOf(row!);
}

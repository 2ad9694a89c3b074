import type { ModerationCase } from '@hotline/contracts';
import { findModerationCase, type Database } from '@hotline/db';
import { caseScopeFor, requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { AppError } from '../errors.js';
import { moderationViewOf } from './moderation-view.js';

/** One case for review: its original text and answer beside the redacted public version. */
export async function getModerationCase(
  deps: { db: Database },
  who: ActingOfficial,
  caseId: string,
): Promise<ModerationCase> {
  requireAccess(who, 'moderation.read');
  const scope = await caseScopeFor(deps.db, who, 'moderate');
  const row = await findModerationCase(deps.db, scope, caseId);
  if (!row) throw new AppError('CASE_NOT_FOUND', `case ${caseId} not found`);
  return moderationViewOf(row);
}

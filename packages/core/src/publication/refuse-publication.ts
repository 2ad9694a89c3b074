import type { ModerationCase, RefusePublicationBody } from '@hotline/contracts';
import type { CaseChangeDeps } from '../change-case.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { decidePublication } from './decide-publication.js';

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
  const reason = body.reason.trim();
  return decidePublication(deps, who, caseId, () => ({ type: 'publication_refused', reason }), now);
}

import type { ApprovePublicationBody, ModerationCase } from '@hotline/contracts';
import { findModerationCase } from '@hotline/db';
import type { CaseChangeDeps } from '../change-case.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { AppError } from '../errors.js';
import { decidePublication } from './decide-publication.js';
import { cannotApprove } from './moderation-view.js';
import { knownPersonalDataOf, redactForPublication } from './public-case.js';

/**
 * An official approves a case for publication: the public text and answer as proposed (the
 * originals, redacted) or as the official edited them — and an edited version goes through
 * the same redaction, so a phone number left in by hand is still taken out. Recorded as a
 * `publication_approved` event with its actor and the approved texts. A case whose citizen did
 * not consent, a denunciation, or an unanswered case: 409 with the reason.
 */
export async function approvePublication(
  deps: CaseChangeDeps,
  who: ActingOfficial,
  caseId: string,
  body: ApprovePublicationBody,
  now: Date,
): Promise<ModerationCase> {
  return decidePublication(
    deps,
    who,
    caseId,
    // Read again under the case's lock: consent and the answer are checked as they are now.
    (scope) => async (_state, _current, tx) => {
      const row = await findModerationCase(tx, scope, caseId);
      if (!row) throw new AppError('CASE_NOT_FOUND', `case ${caseId} not found`);
      const refusal = cannotApprove(row);
      if (refusal) {
        throw new AppError('RULE_VIOLATION', refusal.message, [
          { field: 'case', reason: refusal.reason },
        ]);
      }
      const known = knownPersonalDataOf(row);
      return {
        type: 'publication_approved',
        publicText: redactForPublication(body.publicText ?? row.text, known),
        publicAnswer: redactForPublication(body.publicAnswer ?? row.answer ?? '', known),
      };
    },
    now,
  );
}

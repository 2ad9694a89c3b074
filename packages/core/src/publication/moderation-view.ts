import type { ModerationCase } from '@hotline/contracts';
import type { ModerationCaseRow } from '@hotline/db';
import { approvalRefusal, formatTrackingCode } from '@hotline/domain';
import { knownPersonalDataOf, redactForPublication } from './public-case.js';

const ANSWERED = new Set(['resolved', 'closed']);

/** Why this case cannot be approved now, or null. */
export function cannotApprove(row: ModerationCaseRow): ModerationCase['cannotApprove'] {
  const refusal = approvalRefusal(row);
  if (refusal) return { reason: refusal.reason, message: refusal.message };
  if (!ANSWERED.has(row.status) || row.answer === null) {
    return { reason: 'not_answered', message: 'only an answered case may be published' };
  }
  return null;
}

/**
 * A case as moderation shows it: the original text and answer beside the public version —
 * the approved texts once approved, until then the originals with personal data redacted.
 */
export function moderationViewOf(row: ModerationCaseRow): ModerationCase {
  const known = knownPersonalDataOf(row);
  const approved = row.publicationState === 'approved';
  return {
    id: row.id,
    trackingCode: formatTrackingCode(row.trackingCode),
    status: row.status,
    caseType: row.caseType,
    consentToPublish: row.consentToPublish,
    version: row.version,
    category: row.categoryName,
    unitName: row.unitName,
    original: { text: row.text, answer: row.answer },
    public: approved
      ? { text: row.publicText ?? '', answer: row.publicAnswer }
      : {
          text: redactForPublication(row.text, known),
          answer: row.answer === null ? null : redactForPublication(row.answer, known),
        },
    publication: {
      state: row.publicationState,
      note: row.publicationNote,
      decidedAt: row.publicationDecidedAt?.toISOString() ?? null,
      decidedBy: row.decidedByName,
    },
    cannotApprove: cannotApprove(row),
  };
}

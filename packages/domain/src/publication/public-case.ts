import type { CaseType } from '../case-model.js';

/** Where a case stands in moderation: awaiting review, approved for publication, or refused. */
export const PUBLICATION_STATES = ['pending', 'approved', 'refused'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** Why a case of this type can never be published; null when it may be. */
export function publicationRefusal(caseType: CaseType): string | null {
  // Law on Denunciations 2018, art. 47: the denouncer's identity is protected; nothing of a
  // denunciation is ever shown in public, not even that it exists.
  return caseType === 'denunciation' ? 'a denunciation (tố cáo) is never published' : null;
}

/** Why this case may not be approved for publication: its type, then the citizen's consent. */
export function approvalRefusal(c: {
  caseType: CaseType;
  consentToPublish: boolean;
}): { reason: 'denunciation' | 'no_consent'; message: string } | null {
  const byType = publicationRefusal(c.caseType);
  if (byType) return { reason: 'denunciation', message: byType };
  if (!c.consentToPublish) {
    return { reason: 'no_consent', message: 'the citizen did not consent to publication' };
  }
  return null;
}

/** What decides what of a case may be public. */
export interface PublicationFacts {
  caseType: CaseType;
  consentToPublish: boolean;
  publicationState: PublicationState;
  /** The redacted texts an official approved (null unless approved). */
  publicText: string | null;
  publicAnswer: string | null;
}

/**
 * What of a case may be shown to anyone: `hidden` (not even its existence: denunciations),
 * `summary` (its id, service, status, dates and unit — never its text, place or answer), or
 * `published` with the approved texts. Public means the citizen consented and an official
 * approved the redacted version; either alone is not enough.
 */
export type PublicView =
  { kind: 'hidden' } | { kind: 'summary' } | { kind: 'published'; text: string; answer: string };

export function publicViewOf(f: PublicationFacts): PublicView {
  if (publicationRefusal(f.caseType)) return { kind: 'hidden' };
  if (
    f.consentToPublish &&
    f.publicationState === 'approved' &&
    f.publicText !== null &&
    f.publicAnswer !== null
  ) {
    return { kind: 'published', text: f.publicText, answer: f.publicAnswer };
  }
  return { kind: 'summary' };
}

/**
 * A coordinate rounded to two decimals of a degree (about 1.1 km): enough to put a published
 * case on a map of the commune, not enough to find the house it came from.
 */
export function coarseCoordinate(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

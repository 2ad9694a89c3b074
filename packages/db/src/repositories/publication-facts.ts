import { cases } from '../schema/index.js';

/**
 * What the public-case module decides from (the domain's PublicationFacts): every read that
 * may show something of a case to the public selects these, the same way.
 */
export const publicationFactColumns = {
  caseType: cases.type,
  consentToPublish: cases.consentToPublish,
  publicationState: cases.publicationState,
  publicText: cases.publicText,
  publicAnswer: cases.publicAnswer,
};

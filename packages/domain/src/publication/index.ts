export {
  redactPersonalData,
  REDACTION_PLACEHOLDERS,
  type KnownPersonalData,
  type Redaction,
  type RedactionKind,
  type RedactedText,
} from './redact-personal-data.js';
export {
  PUBLICATION_STATES,
  approvalRefusal,
  coarseCoordinate,
  publicViewOf,
  publicationRefusal,
  type PublicationFacts,
  type PublicationState,
  type PublicView,
} from './public-case.js';
export { findContacts } from './contacts.js';

export {
  redactPersonalData,
  REDACTION_PLACEHOLDERS,
  type KnownPersonalData,
  type Redaction,
  type RedactionKind,
  type RedactedText,
} from './redact-personal-data.js';
export { findContacts } from './contacts.js';

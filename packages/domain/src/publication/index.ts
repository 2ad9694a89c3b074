export {
  redactPersonalData,
  type KnownPersonalData,
  type Redaction,
  type RedactionKind,
  type RedactedText,
} from './redact-personal-data.js';

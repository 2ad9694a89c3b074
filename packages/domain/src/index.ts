export * from './roles.js';
export * from './case-model.js';
export * from './case/index.js';
export {
  TRACKING_ALPHABET,
  trackingCodeFromBytes,
  normalizeTrackingCode,
  isValidTrackingCode,
  formatTrackingCode,
} from './tracking-code.js';
export { normalizeVietnamesePhone, type PhoneResult } from './phone.js';
export { readCaseLookupQuery, type CaseLookupQuery } from './case-lookup.js';
export { describePublicEvent, unitIdNamedBy, type LocalizedText } from './public-timeline.js';
export * from './calendar/index.js';
export * from './sla/index.js';
export * from './time/index.js';
export * from './text/index.js';
export * from './routing/index.js';
export * from './notifications/index.js';
export * from './publication/index.js';
export * from './auth/index.js';
export * from './reports/index.js';
export * from './templates/index.js';
export { previewKindOf, type PreviewKind } from './attachments/preview-kind.js';
export {
  TOKEN_SCOPES,
  may,
  mayCauseChange,
  managedTemplateUnitsOf,
  caseScopeOf,
  scopeLookupsOf,
  withScopeUnits,
  type TokenScope,
  type OfficialPrincipal,
  type AccessPrincipal,
  type AccessAction,
  type CaseChangeAction,
  type CaseFacts,
  type AccessRule,
  type AccessAnswer,
  type CaseAccessScope,
  type ScopePurpose,
} from './access/access.js';

export {
  createDatabase,
  inTransaction,
  plannedEachTime,
  type Database,
  type DatabaseHandle,
  type Executor,
  type RawSql,
  type Tx,
} from './client.js';
export {
  credentialCache,
  CREDENTIALS_CHANNEL,
  type CredentialCache,
  type CredentialCacheOptions,
} from './credential-cache.js';
export { migrateDatabase, MIGRATIONS_FOLDER } from './migrate.js';
export { createMigratedDatabase } from './migrated-template.js';
export { ensureDatabaseExists, dropDatabase } from './admin.js';
export * as tables from './schema/index.js';
export {
  insertReceivedCase,
  type InsertReceivedCaseResult,
} from './repositories/case-intake.repository.js';
export {
  appendCaseChanges,
  type CaseAppend,
  type CaseRowPatch,
  listCaseEvents,
  VersionConflictError,
  type StoredCaseEvent,
} from './repositories/case-events.repository.js';
export { findPublicCase } from './repositories/cases.repository.js';
export {
  findTriageUnitId,
  listActiveCategories,
  findUnitsByIds,
  findCategoryIdByCode,
  findCategoryCodes,
  pingDatabase,
} from './repositories/reference.repository.js';
export {
  claimPendingOutbox,
  deleteRelayedOutbox,
  recordOutboxFailure,
  countPendingOutbox,
  type OutboxMessage,
  insertOutbox,
  type NewOutboxMessage,
} from './repositories/outbox.repository.js';
export { findDemoCredentials, DEMO_CREDENTIAL_HASHES } from './find-demo-credentials.js';
export * from './repositories/calendars.repository.js';
export * from './repositories/sla-policies.repository.js';
export * from './repositories/case-history.repository.js';
export * from './repositories/escalation.repository.js';
export * from './repositories/reconcile.repository.js';
export * from './repositories/routing.repository.js';
export * from './repositories/notifications.repository.js';
export * from './repositories/official-tokens.repository.js';
export * from './repositories/official-token-summary.repository.js';
export * from './repositories/calls.repository.js';
export * from './repositories/api-keys.repository.js';
export * from './repositories/open311.repository.js';
export * from './repositories/follow-up.repository.js';
export * from './repositories/publication.repository.js';
export * from './repositories/inbound-messages.repository.js';
export * from './repositories/blocked-phones.repository.js';
export * from './repositories/attachments.repository.js';
export * from './repositories/case-scope.repository.js';
export * from './repositories/case-queries.repository.js';
export * from './repositories/case-lookup.repository.js';
export * from './repositories/personal-data-views.repository.js';
export * from './repositories/officials-auth.repository.js';
export * from './repositories/totp-recovery-codes.repository.js';
export * from './repositories/reports.repository.js';
export * from './repositories/case-detail.repository.js';
export * from './repositories/admin-org.repository.js';
export * from './repositories/admin-audit.repository.js';
export * from './repositories/report-facts.repository.js';
export * from './repositories/report-figures.repository.js';
export * from './repositories/portal.repository.js';
export * from './repositories/console.repository.js';
export * from './repositories/backlog-series.repository.js';
export * from './repositories/escalation-rungs.repository.js';
export * from './repositories/transfer-flows.repository.js';
export * from './repositories/hotline-summary.repository.js';
export * from './repositories/unit-merge-preview.repository.js';
export * from './repositories/report-series.repository.js';
export * from './repositories/reply-templates.repository.js';
export * from './repositories/idempotency.repository.js';

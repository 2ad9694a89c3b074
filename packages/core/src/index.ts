export { AppError, validationFailed, type ErrorCode, type FieldProblem } from './errors.js';
export {
  databaseFailure,
  DATABASE_RETRY_AFTER_SECONDS,
  type DatabaseFailure,
} from './database-failure.js';
// Pages and the API answer a Redis that does not answer alike (503 with Retry-After).
export { isRedisUnavailable, REDIS_RETRY_AFTER_SECONDS } from '@hotline/queue';
export {
  submitCase,
  type SubmitCaseDeps,
  type SubmitCaseCommand,
  type SubmittedCase,
} from './submit-case.js';
export {
  takeInCase,
  outboxRowsOf,
  type IntakeRequest,
  type StoreReceivedCase,
  type TakeInCaseDeps,
} from './intake/take-in-case.js';
export { routeCase, routeCases, type RouteCaseOutcome } from './route-case.js';
export { relayOutbox } from './relay-outbox.js';
export { getPublicCase } from './get-public-case.js';
export { listCategories } from './list-categories.js';
export { forgetCompiledCalendars, loadWorkingCalendar } from './calendars/load-working-calendar.js';
export {
  listCalendars,
  getCalendarDays,
  computeDeadline,
  MAX_DAYS_RANGE,
} from './calendars/public-calendars.js';
export {
  getCalendarDetail,
  createCalendar,
  replaceCalendar,
  deleteCalendar,
  setCalendarOverride,
  removeCalendarOverride,
  PROVINCE_CALENDAR_ID,
} from './calendars/admin-calendars.js';
export {
  listSlaPolicies,
  createSlaPolicy,
  replaceSlaPolicy,
  deleteSlaPolicy,
} from './sla-policies/admin-sla-policies.js';
export {
  changeCase,
  changeCases,
  sharedReads,
  slaOf,
  type CaseChange,
  type CaseChangeOutcome,
  type ChangedCase,
  type ChangeRequest,
  type ChangeItem,
  type CaseChangeDeps,
} from './change-case.js';
export { publishCaseEvents } from './case-events/publish-case-events.js';
export {
  CASE_EVENT_SUBSCRIBERS,
  notificationsSubscriber,
  reportFactsSubscriber,
  slaTimersSubscriber,
  textMatchingSubscriber,
} from './case-events/subscribers/index.js';
export type * from './case-events/case-event-map.js';
export {
  fireSlaTimer,
  fireSlaTimers,
  fireSlaTimersApart,
  type TimerOutcome,
} from './sla/fire-sla-timer.js';
export { fireSlaSlot, type SlotFiring } from './sla/fire-sla-slot.js';
export { reconcileSlaTimers, reconcileRecentSlaTimers } from './sla/reconcile-sla-timers.js';
export { rebuildLostJobs, URGENT_TIMERS } from './rebuild-lost-jobs.js';
export {
  slaSlotJobId,
  slaTimerJobId,
  slaTimerJobs,
  SLOT_LEAD_MS,
  SLOT_MS,
} from './sla/sla-timer-jobs.js';
export * from './notifications/index.js';
export {
  listRoutingRules,
  createRoutingRule,
  replaceRoutingRule,
  deleteRoutingRule,
} from './routing/admin-routing-rules.js';
export { dryRunRouting } from './routing/dry-run-routing.js';
export { transferCase } from './transfer-case.js';
export {
  TOKEN_SCOPES,
  issueOfficialToken,
  listTokensOf,
  revokeTokenOf,
  authenticateOfficialToken,
  type TokenScope,
  type TokenPrincipal,
} from './official-tokens/official-tokens.js';
export { logCall, findCallerCases, type LogCallDeps } from './calls/log-call.js';
export * from './open311/index.js';
export * from './api-keys/index.js';
export * from './follow-up/index.js';
export { listPublishedCases } from './publication/list-published-cases.js';
export {
  publicCaseOf,
  publicPlaceOf,
  knownPersonalDataOf,
  redactForPublication,
} from './publication/public-case.js';
export { listModerationQueue } from './publication/list-moderation-queue.js';
export { getModerationCase } from './publication/get-moderation-case.js';
export { approvePublication } from './publication/approve-publication.js';
export { refusePublication } from './publication/refuse-publication.js';
export * from './sms/index.js';
export { listBlocked, blockPhone, unblockPhone } from './blocked-phones/admin-blocked-phones.js';
export type { BlockedPhoneView } from './blocked-phones/admin-blocked-phones.js';
export {
  storeAttachment,
  checkAttachmentBytes,
  safeFileName,
  ATTACHMENT_TYPES,
  type AttachmentLimits,
  type StoredAttachment,
} from './attachments/store-attachment.js';
export {
  fetchMmsMedia,
  MediaDownloadError,
  type FetchMmsMediaDeps,
  type MediaDownload,
} from './attachments/fetch-mms-media.js';
export { reconcileMediaFetches } from './attachments/reconcile-media-fetches.js';
export type { ActingOfficial } from './auth/acting-official.js';
export {
  caseScopeFor,
  principalInScope,
  principalOf,
  requireAccess,
  isAllowed,
  officialMay,
  templateUnitsFor,
  caseHolder,
} from './access.js';
export { caseScopeCondition, type CaseScope } from '@hotline/db';
export * from './queues/index.js';
export * from './auth/index.js';
export * from './oversight/index.js';
export * from './reports/index.js';
export {
  actOnCase,
  VersionConflictError,
  type RequestedAction,
  type ActedCase,
  type CurrentCase,
} from './case-actions/act-on-case.js';
export { type CaseAction, type CaseActionKind } from './case-actions/case-action.js';
export { actOnCases, type BatchAction, type BatchOutcome } from './case-actions/act-on-cases.js';
export * from './reply-templates/index.js';
export {
  allowedActionsOf,
  CASE_ACTION_NAMES,
  type CaseActionName,
} from './case-actions/allowed-actions.js';
export { authorizeOfficialAttachment } from './case-actions/attach-official-files.js';
export { getCaseDetail, type CaseDetail } from './case-detail/get-case-detail.js';
export * from './admin/index.js';
export * from './portal/index.js';
export * from './console/index.js';
export { pickLang, TIMER_HORIZON_MS, type Lang } from '@hotline/domain';
export * from './idempotency/index.js';
export { countCaseAttachments } from './attachments/count-case-attachments.js';

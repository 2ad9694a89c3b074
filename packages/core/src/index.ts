export { AppError, validationFailed, type ErrorCode, type FieldProblem } from './errors.js';
export {
  submitCase,
  type SubmitCaseDeps,
  type SubmitCaseCommand,
  type SubmittedCase,
} from './submit-case.js';
export { routeCase, type RouteCaseOutcome } from './route-case.js';
export { relayOutbox } from './relay-outbox.js';
export { getPublicCase } from './get-public-case.js';
export { listCategories } from './list-categories.js';
export { loadWorkingCalendar } from './calendars/load-working-calendar.js';
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
export { changeCase, slaOf, type ChangedCase, type ChangeRequest } from './change-case.js';

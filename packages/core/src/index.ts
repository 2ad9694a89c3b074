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

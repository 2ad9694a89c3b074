export * from './case-events.js';
export { OPEN_STATUSES, isOpen, type CaseState, type PublicationDecision } from './case-state.js';
export { TRANSITIONS, type ActorRole, type Change } from './transitions.js';
export { RULES, type RuleCode } from './rule-codes.js';
export {
  decide,
  actorOf,
  type Principal,
  type Decision,
  type DomainError,
  type DomainErrorCode,
  type DecideContext,
} from './decide.js';
export { applyEvent, projectCase } from './project.js';
export {
  mayApproveResolution,
  resolvingNeedsApproval,
  resolutionOf,
} from './resolution-approval.js';
export { decideInitialRouting, type RoutingContext } from './route-case.js';
export {
  JOINABLE_STATUSES,
  WITHDRAWABLE_STATUSES,
  mayJoin,
  mayWithdraw,
  statusesAllowing,
} from './citizen-messages.js';
export {
  DUPLICATE_WINDOW_MS,
  UNCLASSIFIED_CATEGORY_CODE,
  receiveCase,
  resolveReceivedCase,
  type DuplicateLookup,
  type IntakeCitizen,
  type IntakeContext,
  type IntakeInput,
  type IntakeJob,
  type IntakeReferences,
  type IntakeRow,
  type JoinLookup,
  type ReceivedCase,
  type ReferenceIds,
} from './intake.js';

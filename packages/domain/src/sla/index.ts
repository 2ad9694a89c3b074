export {
  DEFAULT_SLA_POLICIES,
  selectPolicy,
  extensionsAllowed,
  type SlaPolicy,
  type SlaTarget,
} from './sla-policy.js';
export {
  computeSla,
  addTarget,
  type SlaView,
  type ClockView,
  type ClockState,
  type UnitHolding,
} from './compute-sla.js';
export { slaTimersOf, decideSlaActions, TIMER_HORIZON_MS, type SlaTimer } from './sla-timers.js';
export {
  escalationLadder,
  escalationRecipient,
  type EscalationOrg,
  type EscalationRecipient,
  type EscalationStep,
  type EscalationTargets,
  type UnitLeader,
} from './escalation-ladder.js';

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
export {
  slaTimersOf,
  decideSlaActions,
  TIMER_HORIZON_MS,
  type SlaTimer,
  type EscalationTargets,
} from './sla-timers.js';

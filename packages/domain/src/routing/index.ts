export {
  ASSIGNMENT_STRATEGIES,
  ROUTING_CONDITIONS,
  type AssignmentStrategy,
  type RoutingConditions,
  type RoutingRule,
  type RoutingDraft,
  type RoutingMatchContext,
  type RoutingConditionName,
  type ConditionCheck,
  type RoutingMatch,
  type RuleEvaluation,
} from './routing-rule.js';
export { wordsOf, prepareText, containsPhrase, type PreparedText } from './match-words.js';
export { matchRoutingRules, evaluateRoutingRules } from './match-routing-rules.js';
export { decideRouting, type RoutingDecision } from './decide-routing.js';

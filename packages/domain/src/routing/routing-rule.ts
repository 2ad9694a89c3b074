import type { Channel, Priority } from '../case-model.js';

/** How a routed case finds its handler inside the target unit. */
export const ASSIGNMENT_STRATEGIES = ['unit_queue', 'round_robin', 'least_open', 'named'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

/**
 * What a rule looks at. Every condition given (a non-empty list) must hold; within one list
 * any value will do. A rule without conditions matches every case.
 */
export interface RoutingConditions {
  hotlineIds?: readonly string[];
  channels?: readonly Channel[];
  categoryIds?: readonly string[];
  /** The case's commune lies in one of these units (the unit itself or below it). */
  locationUnitIds?: readonly string[];
  /** Whole words or phrases, matched without diacritics ("dat dai" matches "Đất đai"). */
  words?: readonly string[];
  priorities?: readonly Priority[];
}

/** A routing rule as the matcher sees it: ordered by position, the first match wins. */
export interface RoutingRule {
  id: string;
  position: number;
  name: string;
  isActive: boolean;
  conditions: RoutingConditions;
  targetUnitId: string;
  strategy: AssignmentStrategy;
  namedOfficialId: string | null;
}

/** The facts of a case (or a draft, for a dry run) that rules can look at. */
export interface RoutingDraft {
  hotlineId: string | null;
  channel: Channel;
  categoryId: string;
  communeUnitId: string | null;
  text: string;
  priority: Priority;
}

export interface RoutingMatchContext {
  /** The units above the case's commune, nearest first (empty without a commune). */
  communeAncestorIds: readonly string[];
}

export const ROUTING_CONDITIONS = [
  'hotline',
  'channel',
  'category',
  'location',
  'words',
  'priority',
] as const;
export type RoutingConditionName = (typeof ROUTING_CONDITIONS)[number];

/**
 * One condition of one rule, evaluated: what the rule asks for, what the case has, and what of
 * it matched (the condition holds exactly when something matched). For `words`, `actual` is
 * empty and `matched` lists the phrases found; for `location`, `actual` is the commune and the
 * units above it.
 */
export interface ConditionCheck {
  condition: RoutingConditionName;
  met: boolean;
  expected: readonly string[];
  actual: readonly string[];
  matched: readonly string[];
}

/** The winning rule and the conditions that made it match (none for an unconditional rule). */
export interface RoutingMatch<R extends RoutingRule = RoutingRule> {
  rule: R;
  reasons: ConditionCheck[];
}

/**
 * How one rule fared in a dry run: `matched` (the winner), `shadowed` (it matches, but an
 * earlier rule won), `not_matched`, or `inactive` (not considered).
 */
export interface RuleEvaluation<R extends RoutingRule = RoutingRule> {
  rule: R;
  outcome: 'matched' | 'shadowed' | 'not_matched' | 'inactive';
  checks: ConditionCheck[];
}

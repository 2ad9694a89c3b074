import { containsPhrase, prepareText, type PreparedText } from './match-words.js';
import type {
  ConditionCheck,
  RoutingDraft,
  RoutingMatch,
  RoutingMatchContext,
  RoutingRule,
  RuleEvaluation,
} from './routing-rule.js';

const byPosition = (a: RoutingRule, b: RoutingRule) =>
  a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const present = <T>(list: readonly T[] | undefined): list is readonly T[] =>
  list !== undefined && list.length > 0;

function listCheck(
  condition: ConditionCheck['condition'],
  expected: readonly string[],
  actual: readonly string[],
): ConditionCheck {
  const matched = expected.filter((e) => actual.includes(e));
  return { condition, met: matched.length > 0, expected, actual, matched };
}

interface Facts {
  draft: RoutingDraft;
  location: readonly string[];
  text: () => PreparedText;
}

/** Every condition the rule sets, evaluated against the case, in a fixed order. */
function checkRule(rule: RoutingRule, facts: Facts): ConditionCheck[] {
  const c = rule.conditions;
  const { draft } = facts;
  const checks: ConditionCheck[] = [];
  if (present(c.hotlineIds)) {
    checks.push(listCheck('hotline', c.hotlineIds, draft.hotlineId ? [draft.hotlineId] : []));
  }
  if (present(c.channels)) checks.push(listCheck('channel', c.channels, [draft.channel]));
  if (present(c.categoryIds)) checks.push(listCheck('category', c.categoryIds, [draft.categoryId]));
  if (present(c.locationUnitIds)) {
    checks.push(listCheck('location', c.locationUnitIds, facts.location));
  }
  if (present(c.words)) {
    const matched = c.words.filter((w) => containsPhrase(facts.text(), w));
    checks.push({
      condition: 'words',
      met: matched.length > 0,
      expected: c.words,
      actual: [],
      matched,
    });
  }
  if (present(c.priorities)) checks.push(listCheck('priority', c.priorities, [draft.priority]));
  return checks;
}

function factsOf(draft: RoutingDraft, ctx: RoutingMatchContext): Facts {
  let prepared: PreparedText | null = null;
  return {
    draft,
    // A commune lies in itself and in every unit above it.
    location: draft.communeUnitId ? [draft.communeUnitId, ...ctx.communeAncestorIds] : [],
    text: () => (prepared ??= prepareText(draft.text)),
  };
}

/**
 * The first active rule, by position, whose every condition holds; with the conditions that
 * made it match. Null when no rule matches (the caller falls back).
 */
export function matchRoutingRules<R extends RoutingRule>(
  rules: readonly R[],
  draft: RoutingDraft,
  ctx: RoutingMatchContext,
): RoutingMatch<R> | null {
  const facts = factsOf(draft, ctx);
  for (const rule of rules.filter((r) => r.isActive).sort(byPosition)) {
    const checks = checkRule(rule, facts);
    if (checks.every((c) => c.met)) return { rule, reasons: checks };
  }
  return null;
}

/**
 * For a dry run: every rule in order with each of its conditions evaluated, and the winner
 * (the same one `matchRoutingRules` picks).
 */
export function evaluateRoutingRules<R extends RoutingRule>(
  rules: readonly R[],
  draft: RoutingDraft,
  ctx: RoutingMatchContext,
): { match: RoutingMatch<R> | null; evaluations: RuleEvaluation<R>[] } {
  const facts = factsOf(draft, ctx);
  let match: RoutingMatch<R> | null = null;
  const evaluations: RuleEvaluation<R>[] = [];
  for (const rule of [...rules].sort(byPosition)) {
    const checks = checkRule(rule, facts);
    const isMet = checks.every((c) => c.met);
    let outcome: RuleEvaluation<R>['outcome'] = 'not_matched';
    if (!rule.isActive) outcome = 'inactive';
    else if (isMet && match) outcome = 'shadowed';
    else if (isMet) {
      outcome = 'matched';
      match = { rule, reasons: checks };
    }
    evaluations.push({ rule, outcome, checks });
  }
  return { match, evaluations };
}

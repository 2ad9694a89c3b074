import type { ConditionResult, RoutingDryRunBody, RoutingDryRunResponse } from '@hotline/contracts';
import {
  findCategoriesByCodes,
  findHotlinesByNumbers,
  findTriageUnitId,
  findUnitAncestorIds,
  findUnitsByCodes,
  findUnitsByIds,
  listRoutingRuleRows,
  type Database,
} from '@hotline/db';
import {
  evaluateRoutingRules,
  normalizeVietnamesePhone,
  type ConditionCheck,
  type RoutingDraft,
} from '@hotline/domain';
import { validationFailed, type FieldProblem } from '../errors.js';
import { explainCondition } from './explain-condition.js';
import { labelOf, loadRoutingLabels, type RoutingLabels } from './routing-labels.js';

/** The draft's codes resolved to ids, with the same field errors intake would give. */
async function resolveDraft(db: Database, body: RoutingDryRunBody) {
  const problems: FieldProblem[] = [];
  const [category] = await findCategoriesByCodes(db, [body.categoryCode]);
  if (!category) problems.push({ field: 'categoryCode', reason: 'unknown_category' });
  let commune: { id: string } | undefined;
  if (body.communeCode !== undefined) {
    [commune] = await findUnitsByCodes(db, [body.communeCode]);
    if (!commune) problems.push({ field: 'communeCode', reason: 'unknown_commune' });
  }
  let hotline: { id: string; unitId: string } | undefined;
  if (body.hotline !== undefined) {
    const phone = normalizeVietnamesePhone(body.hotline);
    if (!phone.ok) problems.push({ field: 'hotline', reason: phone.reason });
    else {
      [hotline] = await findHotlinesByNumbers(db, [phone.e164]);
      if (!hotline) problems.push({ field: 'hotline', reason: 'unknown_hotline' });
    }
  }
  if (problems.length > 0 || !category) throw validationFailed(problems);
  const draft: RoutingDraft = {
    hotlineId: hotline?.id ?? null,
    channel: body.channel ?? 'web',
    categoryId: category.id,
    communeUnitId: commune?.id ?? null,
    text: body.text,
    priority: body.priority ?? 'normal',
  };
  return { draft, hotlineUnitId: hotline?.unitId ?? null };
}

/** A condition check with ids replaced by codes, and explained. */
function toResult(c: ConditionCheck, labels: RoutingLabels): ConditionResult {
  const map =
    c.condition === 'hotline'
      ? labels.hotlines
      : c.condition === 'category'
        ? labels.categories
        : c.condition === 'location'
          ? labels.units
          : null;
  const label = (ids: readonly string[]) => ids.map((id) => (map ? labelOf(map, id) : id));
  const shown = {
    ...c,
    expected: label(c.expected),
    actual: label(c.actual),
    matched: label(c.matched),
  };
  return { ...shown, explanation: explainCondition(shown) };
}

/**
 * Which rule a case like the draft would meet, and why: every rule in order with each of its
 * conditions evaluated, the winner, and the fallback. Reads only; assigns no one.
 */
export async function dryRunRouting(
  deps: { db: Database },
  body: RoutingDryRunBody,
): Promise<RoutingDryRunResponse> {
  const { db } = deps;
  const { draft, hotlineUnitId } = await resolveDraft(db, body);
  const ancestors = draft.communeUnitId ? await findUnitAncestorIds(db, draft.communeUnitId) : [];
  const rules = await listRoutingRuleRows(db);
  const fallbackUnitId = hotlineUnitId ?? (await findTriageUnitId(db));
  const labels = await loadRoutingLabels(db, rules, {
    unitIds: [...(draft.communeUnitId ? [draft.communeUnitId] : []), ...ancestors],
    categoryIds: [draft.categoryId],
    hotlineIds: draft.hotlineId ? [draft.hotlineId] : [],
  });
  // A rule whose unit is no longer active is passed over by routing, so here too.
  const effective = rules.map((r) => ({
    ...r,
    isActive: r.isActive && !labels.inactiveUnitIds.has(r.targetUnitId),
  }));
  const { match, evaluations } = evaluateRoutingRules(effective, draft, {
    communeAncestorIds: ancestors,
  });

  const units = new Map(
    (
      await findUnitsByIds(db, [
        ...(match ? [match.rule.targetUnitId] : []),
        ...(fallbackUnitId ? [fallbackUnitId] : []),
      ])
    ).map((u) => [u.id, u]),
  );
  const unitView = (id: string) => ({
    unitCode: units.get(id)?.code ?? id,
    unitName: units.get(id)?.name ?? id,
  });
  const fallback = fallbackUnitId
    ? {
        ...unitView(fallbackUnitId),
        reason: hotlineUnitId ? ('hotline_owner_unit' as const) : ('triage_fallback' as const),
      }
    : null;
  const destination = match
    ? {
        ...unitView(match.rule.targetUnitId),
        reason: 'rule' as const,
        ruleId: match.rule.id,
        ruleName: match.rule.name,
        strategy: match.rule.strategy,
        namedOfficialEmail: match.rule.namedOfficialId
          ? labelOf(labels.officials, match.rule.namedOfficialId)
          : null,
      }
    : fallback && {
        ...fallback,
        ruleId: null,
        ruleName: null,
        strategy: 'unit_queue' as const,
        namedOfficialEmail: null,
      };
  return {
    destination,
    reasons: (match?.reasons ?? []).map((c) => toResult(c, labels)),
    fallback,
    rules: evaluations.map((e) => ({
      id: e.rule.id,
      position: e.rule.position,
      name: e.rule.name,
      outcome: e.outcome,
      conditions: e.checks.map((c) => toResult(c, labels)),
    })),
  };
}

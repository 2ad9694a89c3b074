import { findRoutingLabels, type Executor, type RoutingRuleRecord } from '@hotline/db';

export type RoutingLabels = Awaited<ReturnType<typeof findRoutingLabels>>;

/** Codes, numbers and e-mails for every id the rules (and any extra units) refer to. */
export function loadRoutingLabels(
  db: Executor,
  rules: readonly RoutingRuleRecord[],
  extra: {
    unitIds?: readonly string[];
    categoryIds?: readonly string[];
    hotlineIds?: readonly string[];
  } = {},
): Promise<RoutingLabels> {
  const unitIds = new Set(extra.unitIds ?? []);
  const categoryIds = new Set(extra.categoryIds ?? []);
  const hotlineIds = new Set(extra.hotlineIds ?? []);
  const officialIds = new Set<string>();
  for (const r of rules) {
    unitIds.add(r.targetUnitId);
    r.conditions.locationUnitIds?.forEach((id) => unitIds.add(id));
    r.conditions.categoryIds?.forEach((id) => categoryIds.add(id));
    r.conditions.hotlineIds?.forEach((id) => hotlineIds.add(id));
    if (r.namedOfficialId) officialIds.add(r.namedOfficialId);
  }
  return findRoutingLabels(db, {
    unitIds: [...unitIds],
    categoryIds: [...categoryIds],
    hotlineIds: [...hotlineIds],
    officialIds: [...officialIds],
  });
}

/** A label for an id; an id nothing names any more is shown as itself. */
export const labelOf = (map: ReadonlyMap<string, string>, id: string) => map.get(id) ?? id;

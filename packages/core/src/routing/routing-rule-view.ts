import type { RoutingRuleView } from '@hotline/contracts';
import type { RoutingRuleRecord } from '@hotline/db';
import { labelOf, type RoutingLabels } from './routing-labels.js';

/** A stored rule as administrators see it: codes, numbers and e-mails instead of ids. */
export function toRoutingRuleView(r: RoutingRuleRecord, labels: RoutingLabels): RoutingRuleView {
  const c = r.conditions;
  const codes = (map: ReadonlyMap<string, string>, ids: readonly string[] | undefined) =>
    ids?.length ? { list: ids.map((id) => labelOf(map, id)) } : null;
  const hotlineNumbers = codes(labels.hotlines, c.hotlineIds);
  const categoryCodes = codes(labels.categories, c.categoryIds);
  const unitCodes = codes(labels.units, c.locationUnitIds);
  return {
    id: r.id,
    position: r.position,
    name: r.name,
    isActive: r.isActive,
    conditions: {
      ...(hotlineNumbers ? { hotlineNumbers: hotlineNumbers.list } : {}),
      ...(c.channels?.length ? { channels: [...c.channels] } : {}),
      ...(categoryCodes ? { categoryCodes: categoryCodes.list } : {}),
      ...(unitCodes ? { unitCodes: unitCodes.list } : {}),
      ...(c.words?.length ? { words: [...c.words] } : {}),
      ...(c.priorities?.length ? { priorities: [...c.priorities] } : {}),
    },
    targetUnitCode: labelOf(labels.units, r.targetUnitId),
    targetUnitActive: !labels.inactiveUnitIds.has(r.targetUnitId),
    strategy: r.strategy,
    namedOfficialEmail: r.namedOfficialId ? labelOf(labels.officials, r.namedOfficialId) : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

import type { RoutingRuleBody, RoutingRuleList, RoutingRuleView } from '@hotline/contracts';
import {
  deleteRoutingRuleRow,
  findRoutingRuleRow,
  insertRoutingRuleRow,
  listRoutingRuleRows,
  lockRoutingRules,
  setRoutingRulePositions,
  updateRoutingRuleRow,
  type Database,
  type Executor,
  type RoutingRuleRecord,
  type Tx,
} from '@hotline/db';
import { audit, type AdminActor } from '../admin/admin-context.js';
import { AppError } from '../errors.js';
import { loadRoutingLabels } from './routing-labels.js';
import { toRoutingRuleView } from './routing-rule-view.js';
import { resolveRoutingRule } from './resolve-routing-rule.js';

// A new rule is stored last, then put in its place.
const LAST_POSITION = 2 ** 31 - 1;

const ENTITY = 'routing_rule';

const notFound = (id: string) => new AppError('ROUTING_RULE_NOT_FOUND', `no routing rule ${id}`);

async function viewsOf(db: Executor, rules: RoutingRuleRecord[]): Promise<RoutingRuleView[]> {
  const labels = await loadRoutingLabels(db, rules);
  return rules.map((r) => toRoutingRuleView(r, labels));
}

/** The rule as the API shows it (codes, not ids), or 404. */
async function viewOf(db: Executor, id: string): Promise<RoutingRuleView> {
  const row = await findRoutingRuleRow(db, id);
  if (!row) throw notFound(id);
  return (await viewsOf(db, [row]))[0]!;
}

/**
 * Puts rule `id` at `position` (1-based, clamped to the end) and renumbers all rules 1…n, so
 * positions stay dense whatever was deleted or moved.
 */
async function placeRule(tx: Tx, id: string, position: number | undefined) {
  const order = (await listRoutingRuleRows(tx)).map((r) => r.id);
  if (position !== undefined) {
    order.splice(order.indexOf(id), 1);
    order.splice(Math.min(position, order.length + 1) - 1, 0, id);
  }
  await setRoutingRulePositions(tx, order);
}

/** Every rule in evaluation order. */
export async function listRoutingRules(deps: { db: Database }): Promise<RoutingRuleList> {
  return { rules: await viewsOf(deps.db, await listRoutingRuleRows(deps.db)) };
}

/** A new rule, last unless a position is given. */
export async function createRoutingRule(
  deps: { db: Database },
  body: RoutingRuleBody,
  by: AdminActor,
): Promise<RoutingRuleView> {
  const write = await resolveRoutingRule(deps.db, body);
  return deps.db.transaction(async (tx) => {
    await lockRoutingRules(tx);
    const rule = await insertRoutingRuleRow(tx, write, LAST_POSITION);
    await placeRule(tx, rule.id, body.position);
    const after = await viewOf(tx, rule.id);
    await audit(tx, by, 'routing_rule.create', ENTITY, rule.id, null, after);
    return after;
  });
}

/** Replaces a rule; it keeps its place unless a position is given. */
export async function replaceRoutingRule(
  deps: { db: Database },
  id: string,
  body: RoutingRuleBody,
  by: AdminActor,
): Promise<RoutingRuleView> {
  const write = await resolveRoutingRule(deps.db, body);
  return deps.db.transaction(async (tx) => {
    await lockRoutingRules(tx);
    const before = await viewOf(tx, id);
    if (!(await updateRoutingRuleRow(tx, id, write))) throw notFound(id);
    await placeRule(tx, id, body.position);
    const after = await viewOf(tx, id);
    await audit(tx, by, 'routing_rule.replace', ENTITY, id, before, after);
    return after;
  });
}

/** Deletes a rule; the rules after it move up. */
export async function deleteRoutingRule(
  deps: { db: Database },
  id: string,
  by: AdminActor,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await lockRoutingRules(tx);
    const before = await viewOf(tx, id);
    if (!(await deleteRoutingRuleRow(tx, id))) throw notFound(id);
    await audit(tx, by, 'routing_rule.delete', ENTITY, id, before, null);
    await setRoutingRulePositions(
      tx,
      (await listRoutingRuleRows(tx)).map((r) => r.id),
    );
  });
}

import {
  findRoutingFactsOf,
  findTriageUnitId,
  findUnitAncestorIds,
  isOfficialAvailable,
  listActiveRoutingRules,
  pickLeastOpen,
  pickRoundRobin,
  type RoutingRuleRecord,
  type Tx,
} from '@hotline/db';
import {
  decideRouting,
  matchRoutingRules,
  type CaseState,
  type Change,
  type RoutingDecision,
} from '@hotline/domain';
import { AppError } from '../errors.js';

/** The handler the rule's strategy gives, or null: the case waits in the unit's queue. */
async function pickAssignee(
  tx: Tx,
  d: RoutingDecision,
  reads: RoutingReads,
): Promise<string | null> {
  const unitId = d.routed.unitId;
  switch (d.strategy) {
    case 'unit_queue':
      return null;
    case 'round_robin':
      return pickRoundRobin(tx, unitId);
    case 'least_open':
      return pickLeastOpen(tx, unitId, reads.assigned);
    case 'named':
      // An absent, deactivated or moved official: the unit's queue instead.
      return d.namedOfficialId && (await isOfficialAvailable(tx, d.namedOfficialId, unitId))
        ? d.namedOfficialId
        : null;
  }
}

/** Reads that the routings of one batch share: each made at most once. */
export interface RoutingReads {
  facts: Map<string, { text: string; hotlineUnitId: string | null }>;
  rules?: Promise<RoutingRuleRecord[]>;
  triageUnitId?: Promise<string | null>;
  ancestors: Map<string, Promise<string[]>>;
  /**
   * Cases the batch has given each official so far: written only when the batch commits, so
   * the open cases counted for the next case of the batch must add them.
   */
  assigned: Map<string, number>;
}
export const routingReads = (): RoutingReads => ({
  facts: new Map(),
  ancestors: new Map(),
  assigned: new Map(),
});

/** Reads the facts routing needs (text, hotline owner) of several cases in one statement. */
export async function prefetchRoutingFacts(tx: Tx, reads: RoutingReads, caseIds: string[]) {
  const missing = caseIds.filter((id) => !reads.facts.has(id));
  if (missing.length === 0) return;
  for (const [id, facts] of await findRoutingFactsOf(tx, missing)) reads.facts.set(id, facts);
}

/**
 * Under the case lock: the first matching active rule decides the unit (else the hotline
 * owner's unit, else triage), then its strategy may assign a handler. Nothing when the case
 * was already routed, so a redelivered job neither changes the case nor takes a turn.
 */
export async function planRouting(
  tx: Tx,
  caseId: string,
  state: CaseState,
  reads: RoutingReads = routingReads(),
): Promise<Change[] | null> {
  if (state.unitId !== null || state.status !== 'received') return null;
  await prefetchRoutingFacts(tx, reads, [caseId]);
  const facts = reads.facts.get(caseId);
  if (!facts) throw new AppError('CASE_NOT_FOUND', `case ${caseId} not found`);
  const rules = await (reads.rules ??= listActiveRoutingRules(tx));
  const commune = state.communeUnitId;
  let communeAncestorIds: string[] = [];
  if (commune) {
    const known = reads.ancestors.get(commune) ?? findUnitAncestorIds(tx, commune);
    reads.ancestors.set(commune, known);
    communeAncestorIds = await known;
  }
  const match = matchRoutingRules(rules, { ...state, text: facts.text }, { communeAncestorIds });
  const triageUnitId =
    match || facts.hotlineUnitId ? null : await (reads.triageUnitId ??= findTriageUnitId(tx));
  if (!match && !facts.hotlineUnitId && !triageUnitId) {
    throw new AppError('NO_TRIAGE_UNIT', 'no province triage unit is configured');
  }
  const decision = decideRouting(state, match, {
    hotlineUnitId: facts.hotlineUnitId,
    triageUnitId: triageUnitId ?? '',
  });
  if (!decision) return null;
  const assigneeId = await pickAssignee(tx, decision, reads);
  if (assigneeId) reads.assigned.set(assigneeId, (reads.assigned.get(assigneeId) ?? 0) + 1);
  return assigneeId ? [decision.routed, { type: 'assigned', assigneeId }] : [decision.routed];
}

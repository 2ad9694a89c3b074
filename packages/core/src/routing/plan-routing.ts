import {
  findRoutingFacts,
  findTriageUnitId,
  findUnitAncestorIds,
  isOfficialAvailable,
  listActiveRoutingRules,
  pickLeastOpen,
  pickRoundRobin,
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
async function pickAssignee(tx: Tx, d: RoutingDecision): Promise<string | null> {
  const unitId = d.routed.unitId;
  switch (d.strategy) {
    case 'unit_queue':
      return null;
    case 'round_robin':
      return pickRoundRobin(tx, unitId);
    case 'least_open':
      return pickLeastOpen(tx, unitId);
    case 'named':
      // An absent, deactivated or moved official: the unit's queue instead.
      return d.namedOfficialId && (await isOfficialAvailable(tx, d.namedOfficialId, unitId))
        ? d.namedOfficialId
        : null;
  }
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
): Promise<Change[] | null> {
  if (state.unitId !== null || state.status !== 'received') return null;
  const facts = await findRoutingFacts(tx, caseId);
  if (!facts) throw new AppError('CASE_NOT_FOUND', `case ${caseId} not found`);
  const rules = await listActiveRoutingRules(tx);
  const communeAncestorIds = state.communeUnitId
    ? await findUnitAncestorIds(tx, state.communeUnitId)
    : [];
  const match = matchRoutingRules(rules, { ...state, text: facts.text }, { communeAncestorIds });
  const triageUnitId = match || facts.hotlineUnitId ? null : await findTriageUnitId(tx);
  if (!match && !facts.hotlineUnitId && !triageUnitId) {
    throw new AppError('NO_TRIAGE_UNIT', 'no province triage unit is configured');
  }
  const decision = decideRouting(state, match, {
    hotlineUnitId: facts.hotlineUnitId,
    triageUnitId: triageUnitId ?? '',
  });
  if (!decision) return null;
  const assigneeId = await pickAssignee(tx, decision);
  return assigneeId ? [decision.routed, { type: 'assigned', assigneeId }] : [decision.routed];
}

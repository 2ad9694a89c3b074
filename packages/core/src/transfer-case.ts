import { findCommonAncestor, findEscalationOrg, loadCaseHistory } from '@hotline/db';
import { escalationRecipient, type Principal } from '@hotline/domain';
import { changeCase, type CaseChangeDeps, type ChangedCase } from './change-case.js';

const WATCHDOG = { kind: 'system', process: 'transfer-watch' } as const;

/**
 * Moves a case to another unit, with a reason. When the case has now been transferred more
 * times than its policy allows, it also escalates to the leader of the nearest unit above all
 * the units that held it ("đùn đẩy": passing a case around instead of answering it), chosen as
 * the escalation ladder chooses its first rung.
 */
export async function transferCase(
  deps: CaseChangeDeps,
  caseId: string,
  toUnitId: string,
  reason: string,
  principal: Principal,
  now: Date,
): Promise<ChangedCase> {
  const history = await loadCaseHistory(deps.db, caseId);
  const held = history.flatMap(({ event }) =>
    event.type === 'routed' ? [event.unitId] : event.type === 'transferred' ? [event.toUnitId] : [],
  );
  const commonUnitId = await findCommonAncestor(deps.db, [...held, toUnitId]);
  // The first rung of the common unit's ladder: its leader, or the nearest one above it.
  const to = escalationRecipient(await findEscalationOrg(deps.db, commonUnitId, null), 1);
  return changeCase(
    deps,
    caseId,
    (state, { policy }) => {
      const transfer = {
        type: 'transferred' as const,
        fromUnitId: state.unitId ?? '',
        toUnitId,
        reason,
      };
      return state.transferCount + 1 > policy.maxTransfers
        ? [
            transfer,
            {
              as: WATCHDOG,
              change: {
                type: 'escalated' as const,
                level: state.escalationLevel,
                toOfficialId: to.officialId,
                toUnitId: to.unitId,
                reason: 'too_many_transfers' as const,
              },
            },
          ]
        : [transfer];
    },
    principal,
    now,
  );
}

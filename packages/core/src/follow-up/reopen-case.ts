import { findOfficialStanding, type Tx } from '@hotline/db';
import type { CaseState, RecordedEvent } from '@hotline/domain';
import type { ChangeItem } from '../change-case.js';
import { AppError } from '../errors.js';
import type { CaseProof } from './prove-case-owner.js';
import { actOnOwnedCase, type FollowUpDeps, type FollowUpOutcome } from './act-on-owned-case.js';

/** A resolution may be contested for seven days. */
export const REOPEN_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** Why the citizen may not reopen, from the case's history; null: they may (the domain decides the rest). */
export function reopenRefusal(history: readonly RecordedEvent[], now: Date): string | null {
  let resolvedAt: Date | null = null;
  let rating: number | null = null;
  for (const h of history) {
    if (h.event.type === 'resolved') {
      resolvedAt = h.at;
      rating = null;
    } else if (h.event.type === 'rated') rating = h.event.rating;
  }
  if (!resolvedAt) return null;
  if (now.getTime() - resolvedAt.getTime() > REOPEN_WINDOW_MS) {
    return 'a case can be reopened only within 7 days of its resolution';
  }
  if (rating !== null && rating >= 4) {
    return 'the resolution was rated as satisfactory; a satisfied case cannot be reopened';
  }
  return null;
}

/**
 * A reopened case goes back to the official who handled it, while he is still active in the
 * case's unit (he knows it best); otherwise it waits in the unit's queue for its leaders.
 */
async function backToLastHandler(tx: Tx, state: CaseState): Promise<ChangeItem[]> {
  const handlerId = state.assigneeId;
  if (!handlerId || !state.unitId) return [];
  const standing = await findOfficialStanding(tx, handlerId);
  if (!standing?.isActive || standing.unitId !== state.unitId) return [];
  return [
    {
      change: { type: 'assigned', assigneeId: handlerId },
      as: { kind: 'system', process: 'reopen' },
    },
  ];
}

/** The citizen, unsatisfied, reopens a resolved case within seven days of its resolution. */
export function reopenCase(
  deps: FollowUpDeps,
  rawCode: string,
  proof: CaseProof,
  reason: string,
  now: Date,
): Promise<FollowUpOutcome> {
  const change = { type: 'reopened' as const, reason: reason.normalize('NFC').trim() };
  return actOnOwnedCase(
    deps,
    rawCode,
    proof,
    async (state, { history }, tx) => {
      const refusal = reopenRefusal(history, now);
      if (refusal) {
        const reason = refusal.includes('7 days') ? 'reopen_window_passed' : 'already_satisfied';
        throw new AppError('RULE_VIOLATION', refusal, [{ field: 'reason', reason }]);
      }
      return [change, ...(await backToLastHandler(tx, state))];
    },
    now,
  );
}

import { CASE_STATUSES, type CaseStatus } from '../case-model.js';
import { isOpen } from './case-state.js';
import { TRANSITIONS, type Change } from './transitions.js';

/** The statuses a change may happen in, read from the case machine (TRANSITIONS). */
export function statusesAllowing(type: Change['type']): readonly CaseStatus[] {
  const { from } = TRANSITIONS[type];
  if (from === 'any') return CASE_STATUSES;
  if (from === 'open') return CASE_STATUSES.filter(isOpen);
  return from;
}

/**
 * The statuses in which a citizen's follow-up message joins their recent case (an SMS, later a
 * messenger's) instead of starting a new one: exactly where the machine lets a message be added,
 * so the lookup in SQL, the check under the lock and `decide` never disagree.
 */
export const JOINABLE_STATUSES: readonly CaseStatus[] = statusesAllowing('message_added');

/** The statuses in which the citizen may still take the case back (SMS `HUY`, the web form). */
export const WITHDRAWABLE_STATUSES: readonly CaseStatus[] = statusesAllowing('withdrawn');

/** Whether a citizen's new message joins a case in this status. */
export const mayJoin = (status: CaseStatus) => JOINABLE_STATUSES.includes(status);

/** Whether the citizen may withdraw a case in this status. */
export const mayWithdraw = (status: CaseStatus) => WITHDRAWABLE_STATUSES.includes(status);

import type { CaseState } from './case-state.js';
import type { ActorRole, Change } from './transitions.js';

/**
 * Who may approve a handler's resolution: a unit leader. Which unit's leader is the unit scope's
 * business (decide() keeps a unit leader to the cases of their units).
 */
export const mayApproveResolution = (roles: readonly ActorRole[]): boolean =>
  roles.includes('unit_leader');

/**
 * Whether resolving the case now is a leader's act: its unit wants a leader to approve
 * resolutions, or a handler's proposal is waiting for one (resolving it approves it, so a
 * handler may not answer past their leader even after the unit stopped asking for approval).
 */
export const resolvingNeedsApproval = (state: CaseState, unitWantsApproval: boolean): boolean =>
  unitWantsApproval || state.pendingResolution !== undefined;

/**
 * The change an official's answer makes: it resolves the case, or — where resolving needs an
 * approval the official may not give — it waits for a leader as a proposal.
 */
export function resolutionOf(
  state: CaseState,
  answer: string,
  roles: readonly ActorRole[],
  unitWantsApproval: boolean,
): Change {
  return resolvingNeedsApproval(state, unitWantsApproval) && !mayApproveResolution(roles)
    ? { type: 'resolution_proposed', resolutionText: answer }
    : { type: 'resolved', resolutionText: answer };
}

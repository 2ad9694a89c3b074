import { formatTrackingCode } from '@hotline/domain';
import { caseHolder } from '../access.js';
import { changeCase, type CaseChangeDeps, type ChangeRequest } from '../change-case.js';
import { proveCaseOwner, type CaseProof, type ProveCaseOwnerDeps } from './prove-case-owner.js';

export type FollowUpDeps = CaseChangeDeps & ProveCaseOwnerDeps;

/** What a citizen's action left the case as. */
export interface FollowUpOutcome {
  trackingCode: string;
  status: string;
}

/** Proves ownership, then makes the change as the citizen; the domain decides the rest. */
export async function actOnOwnedCase(
  deps: FollowUpDeps,
  rawCode: string,
  proof: CaseProof,
  request: ChangeRequest,
  now: Date,
): Promise<FollowUpOutcome> {
  const { caseId, trackingCode } = await proveCaseOwner(deps, rawCode, proof);
  const changed = await changeCase(deps, caseId, request, caseHolder(caseId), now);
  return { trackingCode: formatTrackingCode(trackingCode), status: changed.state.status };
}

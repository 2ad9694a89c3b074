import type { CaseProof } from './prove-case-owner.js';
import { actOnOwnedCase, type FollowUpDeps, type FollowUpOutcome } from './act-on-owned-case.js';

/** The citizen answers a request for information; the case's clock resumes. */
export function provideCaseInformation(
  deps: FollowUpDeps,
  rawCode: string,
  proof: CaseProof,
  text: string,
  now: Date,
): Promise<FollowUpOutcome> {
  const change = { type: 'info_provided' as const, text: text.normalize('NFC').trim() };
  return actOnOwnedCase(deps, rawCode, proof, change, now);
}

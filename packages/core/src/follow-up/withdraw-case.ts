import type { CaseProof } from './prove-case-owner.js';
import { actOnOwnedCase, type FollowUpDeps, type FollowUpOutcome } from './act-on-owned-case.js';

/** The citizen takes the case back; the domain allows it only before anyone is assigned. */
export function withdrawCase(
  deps: FollowUpDeps,
  rawCode: string,
  proof: CaseProof,
  reason: string | undefined,
  now: Date,
): Promise<FollowUpOutcome> {
  const cleaned = reason?.normalize('NFC').trim();
  const change = { type: 'withdrawn' as const, ...(cleaned ? { reason: cleaned } : {}) };
  return actOnOwnedCase(deps, rawCode, proof, change, now);
}

import type { CaseProof } from './prove-case-owner.js';
import { actOnOwnedCase, type FollowUpDeps, type FollowUpOutcome } from './act-on-owned-case.js';

/** The citizen rates the handling of a resolved (or closed) case, once. */
export function rateCase(
  deps: FollowUpDeps,
  rawCode: string,
  proof: CaseProof,
  rating: { rating: 1 | 2 | 3 | 4 | 5; comment?: string | undefined },
  now: Date,
): Promise<FollowUpOutcome> {
  const comment = rating.comment?.normalize('NFC').trim();
  const change = { type: 'rated' as const, rating: rating.rating, ...(comment ? { comment } : {}) };
  return actOnOwnedCase(deps, rawCode, proof, change, now);
}

/** An official leading a unit, as the organisation stood when it was read. */
export interface UnitLeader {
  officialId: string;
  unitId: string;
  isActive: boolean;
  /** On leave: told only when no present leader of the same unit is there to be told. */
  isAbsent: boolean;
}

/** What the ladder is chosen from: the organisation around a case, read beforehand. */
export interface EscalationOrg {
  /** The case's unit, then its parent, and so on up (empty for a case without a unit). */
  unitChain: readonly string[];
  /** The top of the organisation (the province), whose leader answers when no one else does. */
  rootUnitId: string | null;
  /** Leaders of the units in the chain and of the root, active or not. */
  leaders: readonly UnitLeader[];
  /** The owner of the hotline the case came through; null for a case of no hotline. */
  hotlineOwner: { officialId: string; unitId: string; isActive: boolean } | null;
}

/** Who one escalation rung goes to: an official, and the unit they are told for. */
export interface EscalationRecipient {
  officialId: string | null;
  unitId: string | null;
}
export type EscalationStep = 1 | 2 | 3;

/** Who each escalation rung goes to: [unit leader, parent unit's leader, hotline owner]. */
export type EscalationTargets = readonly [
  EscalationRecipient,
  EscalationRecipient,
  EscalationRecipient,
];

/** The unit's leader to tell: an active one, present ones first, then by id (stable). */
function leaderOf(org: EscalationOrg, unitId: string): string | null {
  let best: UnitLeader | null = null;
  for (const l of org.leaders) {
    if (l.unitId !== unitId || !l.isActive) continue;
    if (
      !best ||
      (best.isAbsent && !l.isAbsent) ||
      (best.isAbsent === l.isAbsent && l.officialId < best.officialId)
    ) {
      best = l;
    }
  }
  return best?.officialId ?? null;
}

/**
 * The nearest leader from the chain's `from`-th unit up. A unit without an active leader
 * passes the rung to the unit above rather than telling no one; with no leader up there
 * either, the rung names its unit alone.
 */
function climb(org: EscalationOrg, from: number): EscalationRecipient {
  for (let i = from; i < org.unitChain.length; i++) {
    const unitId = org.unitChain[i]!;
    const officialId = leaderOf(org, unitId);
    if (officialId) return { officialId, unitId };
  }
  return { officialId: null, unitId: org.unitChain[from] ?? null };
}

/**
 * The whole ladder of a case: rung 1 the leader of its unit, rung 2 the leader of the unit
 * above, rung 3 the owner of the hotline it came through (else the province's leader). Each
 * rung climbs past units with no active leader, tells only active officials, and never goes
 * lower than the rung before: when no one answers higher, the last one told is told again,
 * since a rung that tells no one lets a late case sit unseen.
 */
export function escalationLadder(org: EscalationOrg): EscalationTargets {
  const first = climb(org, 0);
  const above = climb(org, 1);
  const second = above.officialId ? above : first.officialId ? first : above;
  const owner = org.hotlineOwner?.isActive ? org.hotlineOwner : null;
  const rootLeader = org.rootUnitId ? leaderOf(org, org.rootUnitId) : null;
  const third: EscalationRecipient = owner
    ? { officialId: owner.officialId, unitId: owner.unitId }
    : rootLeader
      ? { officialId: rootLeader, unitId: org.rootUnitId }
      : (highestLeader(org) ?? { officialId: null, unitId: org.rootUnitId });
  return [first, second, third];
}

/** The leader of the highest unit of the chain that has an active one. */
function highestLeader(org: EscalationOrg): EscalationRecipient | null {
  for (let i = org.unitChain.length - 1; i >= 0; i--) {
    const unitId = org.unitChain[i]!;
    const officialId = leaderOf(org, unitId);
    if (officialId) return { officialId, unitId };
  }
  return null;
}

/** Who the `step`-th rung of a case's ladder goes to. */
export const escalationRecipient = (org: EscalationOrg, step: EscalationStep) =>
  escalationLadder(org)[step - 1]!;

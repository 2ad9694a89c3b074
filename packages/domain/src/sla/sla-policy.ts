import type { CaseType, Priority } from '../case-model.js';

/**
 * One target of a policy: an ISO 8601 duration and how it counts. `working` counts the unit's
 * working calendar (PTnH / PTnM exact working time; PnD = close of business of the n-th
 * working day after the day of receipt). `calendar` counts calendar days as the laws on
 * complaints and denunciations do (a period ending on a day off ends at the close of the next
 * working day).
 */
export interface SlaTarget {
  duration: string;
  unit: 'working' | 'calendar';
}

/** The numbers of an SLA policy for a case type × category × priority: data, not code. */
export interface SlaPolicy {
  id: string;
  caseType: CaseType;
  /** null: any category. */
  categoryId: string | null;
  /** null: any priority. */
  priority: Priority | null;
  /** Thụ lý: until the unit formally takes the case on. */
  acceptance: SlaTarget;
  /** Until the first answer or question to the citizen. */
  firstResponse: SlaTarget;
  resolution: SlaTarget;
  /** Replaces `resolution` when the case is marked complex (complaints: 45 days). */
  resolutionComplex: SlaTarget | null;
  /** Complaints and denunciations count resolution from acceptance (thụ lý), not receipt. */
  resolutionFrom: 'receipt' | 'acceptance';
  /** Warn when this fraction of a target's time has passed. */
  warningFraction: number;
  maxExtensions: number;
  maxExtensionsComplex: number;
  /** The longest single extension; null: no limit beyond the count. */
  maxExtension: SlaTarget | null;
  /** Escalation ladder after the resolution deadline: rung 1 (unit leader) at the deadline. */
  escalation: { rung2After: SlaTarget; rung3After: SlaTarget };
  /** A transfer restarts the resolution clock (default: the original deadline stands). */
  transferResetsDeadline: boolean;
  /**
   * Transfers allowed before the case escalates to the leader of the units' common parent
   * ("đùn đẩy trách nhiệm": passing a case around instead of answering it). Default 3.
   */
  maxTransfers: number;
}

const working = (duration: string): SlaTarget => ({ duration, unit: 'working' });
const calendar = (duration: string): SlaTarget => ({ duration, unit: 'calendar' });

const LADDER = { rung2After: working('PT8H'), rung3After: working('P2D') };

/**
 * Defaults per case type, used when no stored policy matches. Feedback follows common
 * provincial practice (answer within 10 working days); complaints the Law on Complaints 2011
 * (accept within 10 days, resolve within 30 days of acceptance, 45 when complex);
 * denunciations the Law on Denunciations 2018 (30 days from acceptance, one extension of up
 * to 30 days, two when especially complex).
 */
export const DEFAULT_SLA_POLICIES: Readonly<Record<CaseType, SlaPolicy>> = {
  feedback: {
    id: 'default-feedback',
    caseType: 'feedback',
    categoryId: null,
    priority: null,
    acceptance: working('PT8H'),
    firstResponse: working('P2D'),
    resolution: working('P10D'),
    resolutionComplex: working('P15D'),
    resolutionFrom: 'receipt',
    warningFraction: 0.75,
    maxExtensions: 1,
    maxExtensionsComplex: 1,
    maxExtension: working('P5D'),
    escalation: LADDER,
    transferResetsDeadline: false,
    maxTransfers: 3,
  },
  leader_hotline: {
    id: 'default-leader-hotline',
    caseType: 'leader_hotline',
    categoryId: null,
    priority: null,
    acceptance: working('PT2H'),
    firstResponse: working('PT8H'),
    resolution: working('P5D'),
    resolutionComplex: working('P10D'),
    resolutionFrom: 'receipt',
    warningFraction: 0.75,
    maxExtensions: 1,
    maxExtensionsComplex: 1,
    maxExtension: working('P3D'),
    escalation: { rung2After: working('PT4H'), rung3After: working('PT8H') },
    transferResetsDeadline: false,
    maxTransfers: 3,
  },
  complaint: {
    id: 'default-complaint',
    caseType: 'complaint',
    categoryId: null,
    priority: null,
    acceptance: calendar('P10D'),
    firstResponse: calendar('P10D'),
    resolution: calendar('P30D'),
    resolutionComplex: calendar('P45D'),
    resolutionFrom: 'acceptance',
    warningFraction: 0.75,
    maxExtensions: 0,
    maxExtensionsComplex: 0,
    maxExtension: null,
    escalation: { rung2After: working('P2D'), rung3After: working('P5D') },
    transferResetsDeadline: false,
    maxTransfers: 3,
  },
  denunciation: {
    id: 'default-denunciation',
    caseType: 'denunciation',
    categoryId: null,
    priority: null,
    acceptance: working('P7D'),
    firstResponse: working('P7D'),
    resolution: calendar('P30D'),
    resolutionComplex: calendar('P30D'),
    resolutionFrom: 'acceptance',
    warningFraction: 0.75,
    maxExtensions: 1,
    maxExtensionsComplex: 2,
    maxExtension: calendar('P30D'),
    escalation: { rung2After: working('P2D'), rung3After: working('P5D') },
    transferResetsDeadline: false,
    maxTransfers: 3,
  },
};

/**
 * The policy for a case: the most specific stored one (category and priority, then category,
 * then priority, then the type's own), else the built-in default.
 */
export function selectPolicy(
  policies: readonly SlaPolicy[],
  key: { caseType: CaseType; categoryId: string | null; priority: Priority },
): SlaPolicy {
  const score = (p: SlaPolicy) =>
    p.caseType !== key.caseType ||
    (p.categoryId !== null && p.categoryId !== key.categoryId) ||
    (p.priority !== null && p.priority !== key.priority)
      ? -1
      : (p.categoryId !== null ? 2 : 0) + (p.priority !== null ? 1 : 0);
  let best: SlaPolicy | null = null;
  let bestScore = -1;
  for (const p of policies) {
    const s = score(p);
    if (s > bestScore) [best, bestScore] = [p, s];
  }
  return best ?? DEFAULT_SLA_POLICIES[key.caseType];
}

/** Extensions allowed for a case under its policy. */
export const extensionsAllowed = (policy: SlaPolicy, isComplex: boolean) =>
  isComplex ? policy.maxExtensionsComplex : policy.maxExtensions;

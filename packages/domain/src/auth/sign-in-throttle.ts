/**
 * Sign-in throttling: slows whoever guesses without letting anyone lock the owner out.
 *
 * Three counts of failed sign-ins (wrong password or wrong second-factor code) decide how long
 * a new try must wait:
 * - per account and source (the device, when it is known for the account, else the address):
 *   a few free failures, then each further try waits twice as long, up to a cap. This is the
 *   only count a known device is subject to, and it is its own.
 * - per account, from everywhere: a ceiling far above what a person mistypes, against a
 *   distributed attack. Unknown devices wait once it is reached; known devices do not.
 * - per address, across accounts: against one source spraying many accounts. Known devices
 *   do not count against it either.
 * A login that matches nobody is an account like any other here, so the answers never tell
 * which logins exist.
 */

/** Failures per account and source that cost nothing. */
export const FREE_FAILURES = 3;
/** The longest a source waits between tries at one account. */
export const MAX_SOURCE_DELAY_MS = 15 * 60_000;
/** How long failures per account and source are remembered (since the last of them). */
export const SOURCE_MEMORY_MS = 24 * 3_600_000;
/** Failures of one account, from anywhere, within ACCOUNT_WINDOW_MS before unknown devices wait. */
export const ACCOUNT_CEILING = 100;
export const ACCOUNT_WINDOW_MS = 3_600_000;
/** Failures from one address, across accounts, within ADDRESS_WINDOW_MS before it waits. */
export const ADDRESS_CEILING = 50;
export const ADDRESS_WINDOW_MS = 15 * 60_000;

/** What the store knows of past failures (times in epoch ms). */
export interface SignInFailures {
  /** Failures of this account from this source since its last success. */
  sourceFailures: number;
  lastSourceFailureAt: number | null;
  /**
   * The latest failures of the account (resp. from the address), oldest first, within their
   * window; a store may keep only the latest ACCOUNT_CEILING (resp. ADDRESS_CEILING).
   */
  accountFailureTimes: readonly number[];
  addressFailureTimes: readonly number[];
}

/** The wait imposed after `failures` failures of one account from one source. */
export function sourceDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES + 1) * 1000, MAX_SOURCE_DELAY_MS);
}

/** Until when a window of failure times stays at or above its ceiling (null: below it). */
function ceilingUntil(times: readonly number[], ceiling: number, windowMs: number, now: number) {
  const recent = times.filter((t) => t > now - windowMs).sort((a, b) => a - b);
  if (recent.length < ceiling) return null;
  // Below the ceiling again once the failure `ceiling` places from the newest leaves the window.
  return recent[recent.length - ceiling]! + windowMs;
}

export type SignInWaitReason = 'source' | 'account' | 'address';

/** How long a new try must wait now (0: go ahead), and which count imposes it. */
export function signInWait(
  failures: SignInFailures,
  now: number,
  isKnownDevice: boolean,
): { waitMs: number; reason: SignInWaitReason | null } {
  const candidates: [SignInWaitReason, number | null][] = [
    [
      'source',
      failures.lastSourceFailureAt === null
        ? null
        : failures.lastSourceFailureAt + sourceDelayMs(failures.sourceFailures),
    ],
  ];
  if (!isKnownDevice) {
    candidates.push(
      [
        'account',
        ceilingUntil(failures.accountFailureTimes, ACCOUNT_CEILING, ACCOUNT_WINDOW_MS, now),
      ],
      [
        'address',
        ceilingUntil(failures.addressFailureTimes, ADDRESS_CEILING, ADDRESS_WINDOW_MS, now),
      ],
    );
  }
  let wait: { waitMs: number; reason: SignInWaitReason | null } = { waitMs: 0, reason: null };
  for (const [reason, until] of candidates) {
    const waitMs = until === null ? 0 : until - now;
    if (waitMs > wait.waitMs) wait = { waitMs, reason };
  }
  return wait;
}

import type { Database } from '@hotline/db';
import { AppError } from '../errors.js';
import { loadOwnedCase } from './load-owned-case.js';
import { OTP_MAX_TRIES, type OtpStore } from './otp-store.js';
import { matchesHash, sha256Hex } from './owner-token.js';

/** What the citizen presents: the link token, or a one-time code sent to the case's phone. */
export interface CaseProof {
  token?: string | undefined;
  otp?: string | undefined;
}

export interface ProveCaseOwnerDeps {
  db: Database;
  otp: OtpStore;
}

/** The hash a code is stored under: bound to the case, so one case's code proves nothing else. */
export const otpHash = (caseId: string, code: string) => sha256Hex(`${caseId}:${code}`);

const locked = (ttlSeconds: number) =>
  new AppError('OTP_LOCKED', 'too many wrong codes; ask for a new one when this one expires', [
    { field: 'x-case-otp', reason: 'otp_locked', params: { retryAfterSeconds: ttlSeconds } },
  ]);

/**
 * Checks that the caller holds the case: its token, or its live one-time code (wrong codes are
 * counted; the fifth locks the code until it expires). Returns the case's id.
 */
export async function proveCaseOwner(
  deps: ProveCaseOwnerDeps,
  rawCode: string,
  proof: CaseProof,
): Promise<{ caseId: string; trackingCode: string }> {
  if (!proof.token && !proof.otp) {
    throw new AppError('PROOF_REQUIRED', 'this action needs the case token or a one-time code', [
      { field: 'x-case-token', reason: 'proof_required' },
    ]);
  }
  const row = await loadOwnedCase(deps.db, rawCode);
  const owned = { caseId: row.id, trackingCode: row.trackingCode };
  if (proof.token) {
    if (matchesHash(proof.token, row.ownerTokenHash)) return owned;
    throw new AppError('PROOF_INVALID', 'the case token is not valid for this case', [
      { field: 'x-case-token', reason: 'proof_invalid' },
    ]);
  }
  const entry = await deps.otp.get(row.id);
  if (entry && entry.tries >= OTP_MAX_TRIES) throw locked(entry.ttlSeconds);
  if (entry && matchesHash(`${row.id}:${proof.otp ?? ''}`, entry.hash)) return owned;
  if (!entry) {
    throw new AppError('PROOF_INVALID', 'no live one-time code for this case', [
      { field: 'x-case-otp', reason: 'proof_invalid' },
    ]);
  }
  const { tries, ttlSeconds } = await deps.otp.fail(row.id);
  if (tries >= OTP_MAX_TRIES) throw locked(ttlSeconds);
  throw new AppError('PROOF_INVALID', 'the one-time code is wrong', [
    {
      field: 'x-case-otp',
      reason: 'proof_invalid',
      params: { remainingTries: OTP_MAX_TRIES - tries },
    },
  ]);
}

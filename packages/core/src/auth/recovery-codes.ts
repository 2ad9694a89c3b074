import { createHmac, randomBytes } from 'node:crypto';
import {
  countUnusedRecoveryCodes,
  replaceRecoveryCodes,
  useRecoveryCode,
  type Executor,
} from '@hotline/db';
import {
  formatRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODES_PER_SET,
  recoveryCodeFromBytes,
} from '@hotline/domain';

/**
 * Keyed with the TOTP key (from SESSION_SECRET) rather than a bare SHA-256: a code carries
 * about 50 bits, few enough to search offline from a copy of the database alone.
 */
const hashOf = (key: Buffer, code: string) =>
  createHmac('sha256', key).update(`hotline:recovery-code:v1:${code}`).digest('hex');

function newRecoveryCode(): string {
  for (;;) {
    const code = recoveryCodeFromBytes(randomBytes(32));
    if (code) return code;
  }
}

/** A new set of codes for an official, replacing any earlier set; returns them formatted, once. */
export async function issueRecoveryCodes(
  db: Executor,
  key: Buffer,
  officialId: string,
): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODES_PER_SET) codes.add(newRecoveryCode());
  await replaceRecoveryCodes(
    db,
    officialId,
    [...codes].map((code) => hashOf(key, code)),
  );
  return [...codes].map(formatRecoveryCode);
}

/**
 * Spends one recovery code typed by the official: the number of codes left, or null when the
 * code is malformed, unknown or already used.
 */
export async function spendRecoveryCode(
  db: Executor,
  key: Buffer,
  officialId: string,
  typed: string,
): Promise<number | null> {
  const code = normaliseRecoveryCode(typed);
  if (!code || !(await useRecoveryCode(db, officialId, hashOf(key, code)))) return null;
  return countUnusedRecoveryCodes(db, officialId);
}

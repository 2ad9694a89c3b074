/**
 * Recovery codes for a lost second factor: ten characters from an alphabet without the
 * look-alikes (no 0/O, 1/I/L), shown as two groups of five. An official types them from paper,
 * so case, spaces and dashes do not matter.
 */
export const RECOVERY_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const RECOVERY_CODE_LENGTH = 10;
export const RECOVERY_CODES_PER_SET = 10;

/** The code as stored and compared (upper case, no separators), or null if it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== RECOVERY_CODE_LENGTH) return null;
  for (const ch of raw) if (!RECOVERY_CODE_ALPHABET.includes(ch)) return null;
  return raw;
}

/** `ABCDE-FGHJK`: the form shown once to the official. */
export const formatRecoveryCode = (code: string): string =>
  `${code.slice(0, RECOVERY_CODE_LENGTH / 2)}-${code.slice(RECOVERY_CODE_LENGTH / 2)}`;

/**
 * A code from random bytes (one byte per character; the caller supplies them, so this stays
 * pure). 256 is not a multiple of 31: bytes at or above 248 are skipped to keep every
 * character equally likely, so callers pass more bytes than characters.
 */
export function recoveryCodeFromBytes(bytes: Uint8Array): string | null {
  const n = RECOVERY_CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let code = '';
  for (const b of bytes) {
    if (b >= limit) continue;
    code += RECOVERY_CODE_ALPHABET[b % n];
    if (code.length === RECOVERY_CODE_LENGTH) return code;
  }
  return null;
}

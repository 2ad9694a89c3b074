// Tracking codes are read aloud over the phone and typed on cheap phones, so the alphabet drops
// look-alikes (0/O, 1/I/L, U/V) and has a prime size (29): a weighted check character modulo a
// prime catches every single-character substitution and every adjacent transposition.
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
const BASE = TRACKING_ALPHABET.length; // 29, prime
/** Random characters before the check character: 29^7 ≈ 1.7e10 codes. */
export const TRACKING_BODY_LENGTH = 7;

function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const value = TRACKING_ALPHABET.indexOf(body.charAt(i));
    // Weights 1..n are distinct and non-zero modulo 29 for bodies up to 28 characters.
    sum += value * (i + 1);
  }
  return TRACKING_ALPHABET.charAt(sum % BASE);
}

/**
 * Builds a tracking code from caller-supplied random bytes (the domain never draws randomness
 * itself). Shown as `XXXX-XXXX`; stored without the dash.
 */
export function trackingCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < TRACKING_BODY_LENGTH) {
    throw new RangeError(`need ${TRACKING_BODY_LENGTH} random bytes`);
  }
  let body = '';
  for (let i = 0; i < TRACKING_BODY_LENGTH; i++) {
    // 256 % 29 leaves a small bias (≤ 1/256), irrelevant for an identifier that is not a secret.
    body += TRACKING_ALPHABET.charAt((bytes[i] ?? 0) % BASE);
  }
  return body + checkCharacter(body);
}

/** Upper-cases and strips spaces and dashes, so "abcd-efgh" and "ABCD EFGH" both parse. */
export function normalizeTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** True when the (normalised) code has the right length, alphabet and check character. */
export function isValidTrackingCode(input: string): boolean {
  const code = normalizeTrackingCode(input);
  if (code.length !== TRACKING_BODY_LENGTH + 1) return false;
  for (const ch of code) if (!TRACKING_ALPHABET.includes(ch)) return false;
  return checkCharacter(code.slice(0, -1)) === code.slice(-1);
}

/** `ABCD-EFGH`, for people. */
export function formatTrackingCode(code: string): string {
  const c = normalizeTrackingCode(code);
  return `${c.slice(0, 4)}-${c.slice(4)}`;
}

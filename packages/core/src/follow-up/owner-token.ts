import { createHash, timingSafeEqual } from 'node:crypto';

/** 256 bits: far beyond guessing, and short enough for a link (43 base64url characters). */
const TOKEN_BYTES = 32;

/** SHA-256 (hex) of a secret: what is stored instead of the token or a one-time code. */
export const sha256Hex = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A fresh secret link token for a case's citizen and the hash to store. */
export function newOwnerToken(randomBytes: (size: number) => Uint8Array): {
  token: string;
  hash: string;
} {
  const token = Buffer.from(randomBytes(TOKEN_BYTES)).toString('base64url');
  return { token, hash: sha256Hex(token) };
}

/** Whether `secret` hashes to `storedHash`, compared in constant time. */
export function matchesHash(secret: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(sha256Hex(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

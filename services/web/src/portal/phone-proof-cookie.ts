import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PATHS } from './paths.js';

/** A proven phone is remembered this long: enough to look through one's cases, no more. */
export const PHONE_PROOF_TTL_SECONDS = 30 * 60;

const COOKIE = 'hl_phone';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The cookie's key, derived from the session secret for this one purpose. */
const keyOf = (secret: string) =>
  createHash('sha256').update(`hotline:portal-phone-proof:${secret}`).digest();

/**
 * The cookie's value: the phone and its expiry, sealed with AES-256-GCM (authenticated, so it
 * is signed as well as unreadable: the number never shows, even to whoever reads the cookie).
 */
export function sealPhoneProof(secret: string, phone: string, expiresAt: Date): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const plain = JSON.stringify({ p: phone, e: Math.floor(expiresAt.getTime() / 1000) });
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The phone a sealed value proves, or null when it is forged, damaged or expired. */
export function openPhoneProof(secret: string, value: string, now: Date): string | null {
  const raw = Buffer.from(value, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
    const { p, e } = JSON.parse(plain) as { p?: unknown; e?: unknown };
    if (typeof p !== 'string' || typeof e !== 'number') return null;
    return e * 1000 > now.getTime() ? p : null;
  } catch {
    return null;
  }
}

// Lax: the list may be opened from a link in an SMS or another site; it changes nothing.
const options = (secure: boolean, maxAge: number) => ({
  path: PATHS.mine,
  httpOnly: true,
  sameSite: 'lax' as const,
  secure,
  maxAge,
});

export function rememberPhone(
  reply: FastifyReply,
  secret: string,
  phone: string,
  secure: boolean,
  now: Date,
) {
  const expiresAt = new Date(now.getTime() + PHONE_PROOF_TTL_SECONDS * 1000);
  reply.setCookie(
    COOKIE,
    sealPhoneProof(secret, phone, expiresAt),
    options(secure, PHONE_PROOF_TTL_SECONDS),
  );
}

export function forgetPhone(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(COOKIE, options(secure, 0));
}

/** The cookie's state: a proven phone, an expired or bad one, or none at all. */
export function provenPhoneOf(
  request: FastifyRequest,
  secret: string,
  now: Date,
): { phone: string } | { phone: null; hadCookie: boolean } {
  const value = request.cookies[COOKIE];
  if (!value) return { phone: null, hadCookie: false };
  const phone = openPhoneProof(secret, value, now);
  return phone ? { phone } : { phone: null, hadCookie: true };
}

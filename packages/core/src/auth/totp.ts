import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/** The key that encrypts TOTP secrets at rest, derived from SESSION_SECRET. */
export function totpKeyFrom(sessionSecret: string): Buffer {
  return createHash('sha256').update(`hotline:totp-secret:v1:${sessionSecret}`).digest();
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptTotpSecret(key: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
  return ['v1', ...parts].join('.');
}

export function decryptTotpSecret(key: Buffer, stored: string): string {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('unknown TOTP secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(body, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

export const newTotpSecret = (): string => generateSecret();

export const totpUri = (secret: string, label: string) =>
  generateURI({ issuer: 'Hotline Hà Tĩnh', label, secret });

/**
 * A 6-digit code checked at the current step ±1 (30 s either side), and only at a step after
 * `afterStep` (the last one accepted): returns the step it matched, or null. A code is then
 * worth one sign-in, however quickly it is replayed.
 */
export function acceptedTotpStep(
  secret: string,
  code: string,
  now: Date,
  afterStep: number | null = null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = verifySync({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: 30,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** Whether a code is valid now (±1 step), whatever was used before (enrolment). */
export const isValidTotp = (secret: string, code: string, now: Date): boolean =>
  acceptedTotpStep(secret, code, now) !== null;

/** The current code for a secret (tests and tools). */
export const totpCode = (secret: string, now: Date = new Date()): string =>
  generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });

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

/** A 6-digit code checked at the current step ±1 (30 s either side). */
export function isValidTotp(secret: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  try {
    return verifySync({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: 30,
    }).valid;
  } catch {
    return false;
  }
}

/** The current code for a secret (tests and tools). */
export const totpCode = (secret: string, now: Date = new Date()): string =>
  generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });

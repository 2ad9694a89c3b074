import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id (19 MiB, t=2, p=1: the OWASP baseline).
/** An argon2id PHC string for a password. */
export const hashPassword = (password: string) => hash(password);

let dummy: Promise<string> | null = null;

/**
 * Verifies a password against a stored hash; with no hash (unknown login, no password set) it
 * verifies against a dummy hash, so both paths cost the same argon2 work.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  dummy ??= hash(randomBytes(16).toString('hex'));
  const target = stored ?? (await dummy);
  try {
    const ok = await verify(target, password);
    return stored !== null && ok;
  } catch {
    return false;
  }
}

/** A one-time temporary password: 18 characters without look-alikes (0/O, 1/l/I). */
export function temporaryPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(18);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Problems with a new password, as a reason key, or null when it is acceptable. */
export function passwordProblem(password: string, logins: readonly (string | null)[]) {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  const lower = password.toLowerCase();
  if (logins.some((l) => l && l.toLowerCase() === lower)) return 'same_as_login';
  return null;
}

export const MIN_PASSWORD_LENGTH = 12;

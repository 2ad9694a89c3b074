import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import { validationFailed } from '../errors.js';

/** The request header (draft-ietf-httpapi-idempotency-key-header), lower-case as Node gives it. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_KEY_MAX = 255;
const PRINTABLE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/**
 * The key a client sent: the draft's Structured Field string (`"…"`) or a bare token as Stripe
 * takes it; 1–255 printable ASCII characters. Anything else is a 400 naming the header.
 */
export function parseIdempotencyKey(raw: string): string {
  const value = raw.trim();
  const quoted = value.length >= 2 && value.startsWith('"') && value.endsWith('"');
  const key = quoted ? value.slice(1, -1) : value;
  if (key.length > IDEMPOTENCY_KEY_MAX) {
    throw validationFailed([
      { field: IDEMPOTENCY_KEY_HEADER, reason: 'too_long', params: { limit: IDEMPOTENCY_KEY_MAX } },
    ]);
  }
  if (!PRINTABLE.test(key) || (quoted && /["\\]/.test(key))) {
    throw validationFailed([{ field: IDEMPOTENCY_KEY_HEADER, reason: 'invalid_format' }]);
  }
  return key;
}

/** What the table is keyed by: the caller (if any) and the key, hashed together. */
export function idempotencyKeyHash(key: string, principal: string | null): string {
  return createHash('sha256')
    .update(`${principal ?? ''}\u0000${key}`)
    .digest('hex');
}

/** JSON with object keys sorted, so the same payload always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The payload's fingerprint: keyed by the idempotency key, so the stored hash of a citizen's
 * words says nothing to someone who has only the table.
 */
export function requestFingerprint(key: string, payload: unknown): string {
  return createHmac('sha256', key).update(canonicalJson(payload)).digest('hex');
}

// The answer may carry a case's owner token, which the case itself keeps only as a hash: it is
// stored encrypted under a key derived from the idempotency key, which the table never holds,
// so only the client who sent the key can read it back. Node's crypto, no library needed.
function cipherKey(key: string, scope: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, scope, 'hotline idempotent response', 32));
}

/** AES-256-GCM of `value`'s JSON: base64 of IV (12 bytes), tag (16) and ciphertext. */
export function sealResponse(key: string, scope: string, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cipherKey(key, scope), iv);
  const text = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), text]).toString('base64');
}

/** The value `sealResponse` sealed; throws if the key or the bytes differ. */
export function openResponse(key: string, scope: string, sealed: string): unknown {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', cipherKey(key, scope), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  return JSON.parse(text.toString('utf8')) as unknown;
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/** Twilio's params as the form parser gives them (a repeated name becomes an array). */
export type FormParams = Record<string, unknown>;

/**
 * X-Twilio-Signature as Twilio defines it: HMAC-SHA1, keyed by the auth token, over the full
 * URL (with its query string) followed by every POST parameter's name and value in sorted name
 * order (a repeated name: each distinct value, sorted); base64. Null when a value is not a
 * string (a bracketed name the parser nested: Twilio never sends one, so it cannot be signed).
 */
export function twilioSignature(authToken: string, url: string, params: FormParams) {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    const values = Array.isArray(value) ? [...new Set(value as unknown[])].sort() : [value];
    for (const v of values) {
      if (typeof v !== 'string') return null;
      data += name + v;
    }
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** Constant-time comparison of two strings (a length mismatch fails without a timing leak). */
export function sameSecretString(given: string, expected: string) {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  // Compare against itself when lengths differ, so the time does not depend on the input.
  return a.length === b.length ? timingSafeEqual(a, b) : (timingSafeEqual(b, b), false);
}

export function isValidTwilioSignature(
  authToken: string,
  url: string,
  params: FormParams,
  header: string | undefined,
) {
  if (!header) return false;
  const expected = twilioSignature(authToken, url, params);
  return expected !== null && sameSecretString(header, expected);
}

/** Largest difference allowed between X-Timestamp and our clock, either way. */
export const MAX_SKEW_SECONDS = 300;

export type GenericSignatureCheck = 'ok' | 'missing' | 'stale' | 'mismatch';

/**
 * A generic gateway signs `${X-Timestamp}.${raw body}` with HMAC-SHA256 under its secret and
 * sends `X-Signature: sha256=<hex>`; the timestamp (unix seconds) must be within 5 minutes.
 */
export function checkGenericSignature(
  secret: string,
  rawBody: string,
  timestamp: string | undefined,
  signature: string | undefined,
  nowMs: number,
): GenericSignatureCheck {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return 'missing';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return 'stale';
  const expected =
    'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return sameSecretString(signature.trim().toLowerCase(), expected) ? 'ok' : 'mismatch';
}

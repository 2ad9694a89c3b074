import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneResult =
  | { ok: true; e164: string }
  | { ok: false; reason: 'not_a_phone_number' | 'not_vietnamese' | 'invalid_number' };

/**
 * Normalises a Vietnamese phone number to E.164 (+84…): `0912345678`, `+84912345678` and
 * `84 912 345 678` all give `+84912345678`. Mobiles and landlines are accepted; numbers of
 * other countries and retired formats (the old 11-digit mobiles) are rejected. Uses the full
 * ("max") metadata, which knows which Vietnamese ranges are really allocated.
 */
export function normalizeVietnamesePhone(input: string): PhoneResult {
  const trimmed = input.trim();
  if (!/^[+\d][\d\s().-]{5,24}$/.test(trimmed)) return { ok: false, reason: 'not_a_phone_number' };
  const digits = trimmed.replace(/\D/g, '');
  // "84 912 345 678" written without the plus is common on forms.
  const candidate =
    !trimmed.startsWith('+') && digits.startsWith('84') && digits.length >= 11
      ? `+${digits}`
      : trimmed;
  const parsed = parsePhoneNumberFromString(candidate, 'VN');
  if (!parsed) return { ok: false, reason: 'not_a_phone_number' };
  if (parsed.country !== 'VN' && parsed.countryCallingCode !== '84') {
    return { ok: false, reason: 'not_vietnamese' };
  }
  if (!parsed.isValid()) return { ok: false, reason: 'invalid_number' };
  return { ok: true, e164: parsed.number };
}

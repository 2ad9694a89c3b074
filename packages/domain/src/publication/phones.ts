import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * True when the digits (as read from the text, separators dropped) are a Vietnamese mobile or
 * landline number, written nationally (0…), internationally (84…) or without the leading 0.
 */
export function isVietnamesePhoneDigits(digits: string): boolean {
  const candidates: string[] = [];
  if (digits.startsWith('84') && digits.length >= 11) candidates.push(`+${digits}`);
  if (digits.startsWith('0')) candidates.push(digits);
  else if (digits.length >= 9 && digits.length <= 10) candidates.push(`0${digits}`);
  return candidates.some((c) => parsePhoneNumberFromString(c, 'VN')?.isValid() === true);
}

/**
 * The national significant number (digits after +84 / 0) of a known phone number, the part
 * that is written in every form; null when there is none worth looking for.
 */
export function significantDigits(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const parsed = parsePhoneNumberFromString(phone.trim(), 'VN');
  const nsn = parsed
    ? String(parsed.nationalNumber)
    : phone.replace(/\D/g, '').replace(/^(84|0)/, '');
  return nsn.length >= 7 ? nsn : null;
}

import { normalizeVietnamesePhone } from './phone.js';
import { normalizeTrackingCode, TRACKING_ALPHABET, TRACKING_BODY_LENGTH } from './tracking-code.js';

/** What an official typed in the console's search, read as a tracking code and as a phone. */
export interface CaseLookupQuery {
  /** Stored form (upper case, no dash), when the text has a tracking code's shape. */
  trackingCode: string | null;
  /** E.164, when the text is a Vietnamese phone number in any written form. */
  phone: string | null;
}

const CODE_SHAPE = new RegExp(`^[${TRACKING_ALPHABET}]{${TRACKING_BODY_LENGTH + 1}}$`);

/**
 * Reads a search as a tracking code (any case, dash or spaces optional) and as a phone number
 * (0912 345 678, +84912345678, 84-912-345-678…); both null when it is neither. The check
 * character is not required: a code with a typo finds nothing rather than an error.
 */
export function readCaseLookupQuery(input: string): CaseLookupQuery {
  const code = normalizeTrackingCode(input.trim());
  const phone = normalizeVietnamesePhone(input);
  return {
    trackingCode: CODE_SHAPE.test(code) ? code : null,
    phone: phone.ok ? phone.e164 : null,
  };
}

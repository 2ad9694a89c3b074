import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import {
  TRACKING_ALPHABET,
  TRACKING_BODY_LENGTH,
  formatTrackingCode,
  isValidTrackingCode,
  trackingCodeFromBytes,
} from './tracking-code.js';

const bytes = fc.uint8Array({ minLength: TRACKING_BODY_LENGTH, maxLength: TRACKING_BODY_LENGTH });

describe('tracking codes', () => {
  it.prop([bytes])('are valid, 8 characters, from the alphabet', (b) => {
    const code = trackingCodeFromBytes(b);
    expect(code).toHaveLength(TRACKING_BODY_LENGTH + 1);
    expect([...code].every((c) => TRACKING_ALPHABET.includes(c))).toBe(true);
    expect(isValidTrackingCode(code)).toBe(true);
    expect(isValidTrackingCode(formatTrackingCode(code).toLowerCase())).toBe(true);
  });

  it.prop([bytes, fc.nat(TRACKING_BODY_LENGTH), fc.nat(TRACKING_ALPHABET.length - 1)])(
    'reject every single-character substitution',
    (b, position, replacement) => {
      const code = trackingCodeFromBytes(b);
      const ch = TRACKING_ALPHABET.charAt(replacement);
      fc.pre(code.charAt(position) !== ch);
      const changed = code.slice(0, position) + ch + code.slice(position + 1);
      expect(isValidTrackingCode(changed)).toBe(false);
    },
  );

  it.prop([bytes, fc.nat(TRACKING_BODY_LENGTH - 1)])(
    'reject every adjacent transposition',
    (b, i) => {
      const code = trackingCodeFromBytes(b);
      fc.pre(code.charAt(i) !== code.charAt(i + 1));
      const swapped = code.slice(0, i) + code.charAt(i + 1) + code.charAt(i) + code.slice(i + 2);
      expect(isValidTrackingCode(swapped)).toBe(false);
    },
  );

  it('rejects look-alike characters and wrong lengths', () => {
    expect(isValidTrackingCode('0OIL1UV2')).toBe(false);
    expect(isValidTrackingCode('ABC')).toBe(false);
  });
});

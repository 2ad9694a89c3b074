import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  formatRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_LENGTH,
  recoveryCodeFromBytes,
} from './recovery-code.js';

const code = fc
  .array(fc.constantFrom(...RECOVERY_CODE_ALPHABET), {
    minLength: RECOVERY_CODE_LENGTH,
    maxLength: RECOVERY_CODE_LENGTH,
  })
  .map((chars) => chars.join(''));

describe('recovery codes', () => {
  test.prop([code, fc.boolean(), fc.constantFrom('', ' ', '-', '  ')])(
    'read back whatever the case and separators the official types',
    (raw, lower, sep) => {
      const shown = formatRecoveryCode(raw);
      const typed = (lower ? shown.toLowerCase() : shown).replace('-', sep);
      expect(normaliseRecoveryCode(typed)).toBe(raw);
    },
  );

  test.prop([fc.string({ maxLength: 30 })])('never accept what is not a code', (text) => {
    const read = normaliseRecoveryCode(text);
    if (read !== null) {
      expect(read).toHaveLength(RECOVERY_CODE_LENGTH);
      expect([...read].every((ch) => RECOVERY_CODE_ALPHABET.includes(ch))).toBe(true);
    }
  });

  it('refuses the look-alike characters', () => {
    expect(normaliseRecoveryCode('ABCDE-FGHJ0')).toBeNull();
    expect(normaliseRecoveryCode('ABCDE-FGHJI')).toBeNull();
    expect(normaliseRecoveryCode('ABCDE-FGHJ')).toBeNull();
  });

  test.prop([fc.uint8Array({ minLength: 32, maxLength: 32 })])(
    'are built from random bytes without bias, or not at all',
    (bytes) => {
      const made = recoveryCodeFromBytes(bytes);
      const usable = [...bytes].filter((b) => b < 248).length;
      if (usable < RECOVERY_CODE_LENGTH) expect(made).toBeNull();
      else expect(normaliseRecoveryCode(made ?? '')).toBe(made);
    },
  );
});

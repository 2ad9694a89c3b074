import { describe, expect, it } from 'vitest';
import { normalizeVietnamesePhone } from './phone.js';

describe('normalizeVietnamesePhone', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['84 912 345 678', '+84912345678'],
    ['091.234.5678', '+84912345678'],
    ['0239 3855 555', '+842393855555'],
    ['0388123456', '+84388123456'],
  ])('%s → %s', (input, e164) => {
    expect(normalizeVietnamesePhone(input)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['+14155552671', 'not_vietnamese'],
    ['+442071838750', 'not_vietnamese'],
    ['01681234567', 'invalid_number'],
    ['0912', 'not_a_phone_number'],
    ['call me', 'not_a_phone_number'],
  ])('%s is rejected (%s)', (input, reason) => {
    expect(normalizeVietnamesePhone(input)).toEqual({ ok: false, reason });
  });
});

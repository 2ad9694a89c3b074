import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameIn, pickLang } from './language.js';

describe('pickLang', () => {
  it('takes ?lang= first, then Accept-Language, else Vietnamese', () => {
    expect(pickLang('en', 'vi')).toBe('en');
    expect(pickLang('fr', 'en-GB,en;q=0.8')).toBe('en');
    expect(pickLang(undefined, 'fr-FR, vi;q=0.5, en;q=0.9')).toBe('en');
    expect(pickLang(undefined, 'en;q=0.3, vi-VN')).toBe('vi');
    expect(pickLang(undefined, 'de, fr')).toBe('vi');
    expect(pickLang(undefined, 'en;q=0')).toBe('vi');
    expect(pickLang(undefined, undefined)).toBe('vi');
  });

  it('answers vi or en for any header, never throws', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (asked, header) => {
        expect(['vi', 'en']).toContain(pickLang(asked, header));
      }),
    );
  });
});

describe('nameIn', () => {
  it('shows the English name on English pages, the Vietnamese where none was entered', () => {
    expect(nameIn('en', 'Đất đai', 'Land')).toBe('Land');
    expect(nameIn('en', 'Đất đai', null)).toBe('Đất đai');
    expect(nameIn('en', 'Đất đai', '')).toBe('Đất đai');
    expect(nameIn('vi', 'Đất đai', 'Land')).toBe('Đất đai');
  });
});

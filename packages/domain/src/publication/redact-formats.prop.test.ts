import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { digitsOfWord } from './numbers-in-words.js';
import { email, identity, phone, plate, sentence, wordsOf } from './personal-data.arbitraries.js';
import { redactPersonalData } from './redact-personal-data.js';

const hasNumberWord = (text: string) => [...wordsOf(text)].some((w) => digitsOfWord(w) !== null);

describe('redactPersonalData: every written form of numbers and addresses (properties)', () => {
  it.prop([sentence(phone)])('no digit of a phone number survives, in any written form', (text) => {
    const out = redactPersonalData(text).text;
    expect(out).toContain('[số điện thoại]');
    expect(out).not.toMatch(/\d/);
    expect(hasNumberWord(out)).toBe(false);
  });

  it.prop([email.chain((e) => sentence(fc.constant(e.written)).map((text) => ({ ...e, text })))])(
    'an e-mail address, plain or obfuscated, is replaced whole',
    ({ local, text }) => {
      const out = redactPersonalData(text).text;
      expect(out).toContain('[email]');
      expect(out).not.toContain(local);
      expect(out).not.toMatch(/\d/);
    },
  );

  it.prop([identity.chain((v) => sentence(fc.constant(v.text)).map((text) => ({ ...v, text })))])(
    'ID-card, passport and account numbers leave no digit behind',
    ({ text, placeholder }) => {
      const out = redactPersonalData(text).text;
      expect(out).not.toMatch(/\d/);
      if (placeholder) expect(out).toContain(placeholder);
      else expect(out).toMatch(/\[[^\]]+\]/);
    },
  );

  it.prop([sentence(plate.map((p) => `xe ${p}`))])('a licence plate is replaced whole', (text) => {
    const out = redactPersonalData(text).text;
    expect(out).toContain('[biển số xe]');
    expect(out).not.toMatch(/\d/);
  });
});

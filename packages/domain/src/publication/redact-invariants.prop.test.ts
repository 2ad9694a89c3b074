import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import {
  NAME_CUES,
  address,
  email,
  personName,
  phone,
  plate,
  publicThing,
  sentence,
} from './personal-data.arbitraries.js';
import { REDACTION_PLACEHOLDERS, redactPersonalData } from './redact-personal-data.js';

const anything = fc.oneof(
  sentence(phone),
  sentence(plate),
  sentence(publicThing),
  email.map((e) => e.written),
  address.map((a) => a.text),
  fc.tuple(fc.constantFrom(...NAME_CUES), personName).map(([c, n]) => `${c} ${n}`),
);
const text = fc.array(anything, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));

describe('redactPersonalData: what it keeps and how it behaves (properties)', () => {
  it.prop([sentence(publicThing)])(
    'dates, times, amounts, decision numbers, roads, service numbers and codes stay',
    (t) => {
      expect(redactPersonalData(t)).toEqual({ text: t, redactions: [] });
    },
  );

  it.prop([text])('redacting twice changes nothing', (t) => {
    const once = redactPersonalData(t).text;
    expect(redactPersonalData(once).text).toBe(once);
  });

  it.prop([text])('decomposed (NFD) input gives the same result', (t) => {
    const nfc = t.normalize('NFC');
    expect(redactPersonalData(nfc.normalize('NFD')).text.normalize('NFC')).toBe(
      redactPersonalData(nfc).text,
    );
  });

  it.prop([
    fc.oneof(text, fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 })),
  ])('the redactions, in order, turn the original into the output', (t) => {
    const { text: out, redactions } = redactPersonalData(t);
    let rebuilt = '';
    let at = 0;
    for (const r of redactions) {
      expect(r.start).toBeGreaterThanOrEqual(at);
      expect(r.end).toBeGreaterThan(r.start);
      rebuilt += t.slice(at, r.start) + REDACTION_PLACEHOLDERS[r.kind];
      at = r.end;
    }
    expect(rebuilt + t.slice(at)).toBe(out);
  });

  it.prop([
    fc.oneof(text, fc.string({ maxLength: 60 })),
    fc.record({
      name: fc.option(fc.oneof(personName, fc.string({ maxLength: 20 }))),
      phone: fc.option(fc.oneof(fc.constant('+84912345678'), fc.string({ maxLength: 16 }))),
      email: fc.option(fc.string({ maxLength: 20 })),
      address: fc.option(fc.string({ maxLength: 30 })),
    }),
    fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
  ])('any known data is accepted', (t, citizen, officialNames) => {
    const { text: out, redactions } = redactPersonalData(t, { citizen, officialNames });
    expect(typeof out).toBe('string');
    for (const r of redactions) expect(r.end).toBeLessThanOrEqual(t.length);
  });
});

import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { foldDiacritics } from '../text/fold-diacritics.js';
import {
  FILLERS_BEFORE,
  GIVEN,
  MIDDLES,
  NAME_CUES,
  SURNAMES,
  address,
  sentence,
  significantNumber,
  wordsOf,
  writtenName,
} from './personal-data.arbitraries.js';
import { redactPersonalData } from './redact-personal-data.js';

describe('redactPersonalData: names, the citizen’s own data, addresses (properties)', () => {
  it.prop([
    fc
      .tuple(fc.constantFrom(...NAME_CUES), writtenName)
      .chain(([cue, n]) =>
        sentence(fc.constant(`${cue} ${n.written}`)).map((text) => ({ cue, ...n, text })),
      ),
  ])(
    'a name after an honorific or an introduction is replaced, the honorific kept',
    ({ cue, name, text }) => {
      const out = redactPersonalData(text).text.normalize('NFC');
      expect(out).toContain(`${cue} [họ tên]`);
      const left = wordsOf(out.replace(cue, ''));
      for (const part of wordsOf(name)) expect(left.has(part)).toBe(false);
    },
  );

  it.prop([
    fc.tuple(fc.constantFrom(...SURNAMES), fc.constantFrom(...MIDDLES), fc.constantFrom(...GIVEN)),
    fc.constantFrom('as is', 'folded', 'upper', 'lower', 'given after cue', 'file name'),
    fc.constantFrom(...FILLERS_BEFORE),
  ])(
    'the citizen’s own name is replaced in any case, with or without diacritics',
    (parts, how, before) => {
      const name = parts.join(' ');
      const written = {
        'as is': name,
        folded: foldDiacritics(name),
        upper: name.toUpperCase(),
        lower: name.toLowerCase(),
        'given after cue': `anh ${parts[2].toLowerCase()}`,
        'file name': `${foldDiacritics(name).toLowerCase().replace(/ /g, '_')}.pdf`,
      }[how];
      const out = redactPersonalData(`${before} ${written} gửi đơn`, { citizen: { name } }).text;
      expect(out).toContain('[họ tên]');
      const left = wordsOf(out);
      for (const part of wordsOf(how === 'given after cue' ? parts[2] : name))
        expect(left.has(part)).toBe(false);
    },
  );

  it.prop([
    significantNumber,
    fc.constantFrom('0', '+84 ', '84'),
    fc.constantFrom(' / ', ' ', '.', '_'),
  ])('the citizen’s own phone number is replaced however it is split', (nsn, prefix, sep) => {
    const written = prefix + nsn.slice(0, 3) + sep + nsn.slice(3, 6) + sep + nsn.slice(6);
    const out = redactPersonalData(`gọi ${written} nhé`, { citizen: { phone: `+84${nsn}` } }).text;
    expect(out).not.toMatch(/\d/);
  });

  it.prop([address, fc.constantFrom('', ', phường Bắc Hà', ', xã Thạch Hạ')])(
    'a house address is replaced, the commune kept',
    (a, commune) => {
      const out = redactPersonalData(`Nhà tôi ${a.text}${commune} bị ngập.`).text;
      expect(out).toContain('[địa chỉ]');
      expect(out).not.toMatch(/\d/);
      for (const secret of a.secret) if (/\D/.test(secret)) expect(out).not.toContain(secret);
      expect(out).toContain(commune);
    },
  );
});

import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { foldDiacritics } from '../text/fold-diacritics.js';
import {
  FILLERS_BEFORE,
  GIVEN,
  MIDDLES,
  NAME_CUES,
  SURNAMES,
  STREETS,
  address,
  cccd,
  houseNumber,
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
    fc.constantFrom('citizen', 'official'),
  ])(
    'the citizen’s or an official’s name is replaced in any case, with or without diacritics',
    (parts, how, before, whose) => {
      const name = parts.join(' ');
      const written = {
        'as is': name,
        folded: foldDiacritics(name),
        upper: name.toUpperCase(),
        lower: name.toLowerCase(),
        'given after cue': `anh ${parts[2].toLowerCase()}`,
        'file name': `${foldDiacritics(name).toLowerCase().replace(/ /g, '_')}.pdf`,
      }[how];
      const known = whose === 'citizen' ? { citizen: { name } } : { officialNames: [name] };
      const out = redactPersonalData(`${before} ${written} gửi đơn`, known).text;
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

  it.prop([houseNumber, fc.constantFrom(...STREETS), fc.constantFrom('as is', 'lower', 'folded')])(
    'the citizen’s own address is replaced however it is written, the ward kept',
    (number, street, how) => {
      const house = `${number} ${street}`;
      const written = { 'as is': house, lower: house.toLowerCase(), folded: foldDiacritics(house) }[
        how
      ];
      const known = { citizen: { address: `${house}, phường Bắc Hà, TP Hà Tĩnh` } };
      const out = redactPersonalData(`Nhà tôi ở ${written}, phường Bắc Hà.`, known).text;
      expect(out).toBe('Nhà tôi ở [địa chỉ], phường Bắc Hà.');
    },
  );

  it.prop([
    significantNumber,
    cccd,
    fc.constantFrom('_', '-', ' ', '.'),
    fc.constantFrom('jpg', 'pdf', 'png', 'heic'),
    fc.constantFrom('anh', 'don', 'CCCD', 'IMG'),
  ])('an attachment name keeps no phone or ID-card number', (nsn, id, sep, ext, word) => {
    const names = [
      `${word}${sep}0${nsn}.${ext}`,
      `${word}${sep}${id}.${ext}`,
      `${word}${sep}${id}${sep}0${nsn}.${ext}`,
    ];
    for (const name of names) {
      const out = redactPersonalData(name).text;
      expect(out).not.toMatch(/\d/);
      expect(out.endsWith(`.${ext}`)).toBe(true);
    }
  });

  it.prop([
    fc.tuple(fc.constantFrom(...SURNAMES), fc.constantFrom(...MIDDLES), fc.constantFrom(...GIVEN)),
    fc.constantFrom('tôi là', 'tên là', 'tôi tên là', 'họ tên:', 'toi la', 'ten la'),
    fc.boolean(),
    fc.constantFrom(', ở xã Thạch Hạ.', ' năm nay đã già.', '.', ''),
  ])('a lower-case full name after an introduction is replaced', (parts, cue, isFolded, after) => {
    const name = parts.join(' ').toLowerCase();
    const written = isFolded ? foldDiacritics(name) : name;
    const out = redactPersonalData(`${cue} ${written}${after}`).text;
    expect(out.startsWith(`${cue} [họ tên]`)).toBe(true);
    const left = wordsOf(out.replace(cue, '').replace(after, ''));
    for (const part of wordsOf(name)) expect(left.has(part)).toBe(false);
  });
});

import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { foldDiacritics } from '../text/fold-diacritics.js';
import { formatTrackingCode, trackingCodeFromBytes } from '../tracking-code.js';
import { DIGIT_WORDS, digitsOfWord } from './numbers-in-words.js';
import { isVietnamesePhoneDigits } from './phones.js';
import { redactPersonalData, type KnownPersonalData } from './redact-personal-data.js';

// Generators of each written form of personal data, embedded in ordinary Vietnamese sentences.
// The fillers hold no digits, no capitalised words and no number words, so whatever of the
// generated value survives can be seen in the output.

const FILLERS_BEFORE = [
  'Kính gửi,',
  'xin được giúp:',
  'mong sớm sửa chữa,',
  'vào buổi sáng, ',
  'trời mưa to nên',
  'nhờ xem giúp',
  '',
];
const FILLERS_AFTER = ['.', ', xin cảm ơn.', ' nhờ xem giúp', '!', ' vào buổi sáng.', ''];

const sentence = (value: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.constantFrom(...FILLERS_BEFORE), value, fc.constantFrom(...FILLERS_AFTER))
    .map(([before, v, after]) => `${before} ${v}${after}`.trim());

const digitString = (min: number, max: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max })
    .map((d) => d.join(''));

/** Splits digits into groups of 2–4 joined by random separators people use. */
const grouped = (digits: string, seps: readonly string[] = [' ', '.', '-', '  ', ' - ', '. ']) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 8, maxLength: 8 }),
      fc.array(fc.constantFrom(...seps, ''), { minLength: 8, maxLength: 8 }),
    )
    .map(([sizes, separators]) => {
      const groups: string[] = [];
      let at = 0;
      for (const size of sizes) {
        if (at >= digits.length) break;
        groups.push(digits.slice(at, at + size));
        at += size;
      }
      if (at < digits.length) groups.push(digits.slice(at));
      return groups.reduce((out, g, i) => (i === 0 ? g : out + (separators[i - 1] ?? ' ') + g), '');
    });

const MOBILE_PREFIXES = [
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '56',
  '58',
  '70',
  '76',
  '77',
  '78',
  '79',
  '81',
  '82',
  '83',
  '84',
  '85',
  '86',
  '88',
  '89',
  '90',
  '91',
  '93',
  '94',
  '96',
  '97',
  '98',
  '99',
];
const LANDLINE_PREFIXES = ['24', '28', '239', '236', '258'];

/** A Vietnamese number without its leading 0 (the national significant number). */
const significantNumber = fc
  .oneof(
    fc.tuple(fc.constantFrom(...MOBILE_PREFIXES), digitString(7, 7)).map(([p, d]) => p + d),
    fc
      .tuple(
        fc.constantFrom(...LANDLINE_PREFIXES),
        fc.constantFrom('3', '6', '7'),
        digitString(7, 7),
      )
      .map(([p, first, d]) => (p + first + d).slice(0, 10)),
  )
  .filter((nsn) => isVietnamesePhoneDigits(`0${nsn}`));

const withPrefix = (nsn: string) =>
  fc
    .constantFrom('0', '+84', '84', '(+84) ', '+84 ', '+84  ', '0', '0')
    .map((p) => ({ prefix: p, nsn }));

const LOOKALIKES: Readonly<Record<string, readonly string[]>> = {
  '0': ['O', 'o'],
  '1': ['l', 'I'],
  '5': ['S'],
  '8': ['B'],
};

/** Replaces at most one digit per group of three or more by a letter that looks like it. */
const withLetters = (written: string) =>
  fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }).map((flips) =>
    written
      .split(/(\s+|[.-])/)
      .map((chunk, i) => {
        if (!/^\d{3,}$/.test(chunk) || !flips[i]) return chunk;
        const at = [...chunk].findIndex((d) => d in LOOKALIKES);
        if (at < 0) return chunk;
        const letter = LOOKALIKES[chunk.charAt(at)]![i % LOOKALIKES[chunk.charAt(at)]!.length]!;
        return chunk.slice(0, at) + letter + chunk.slice(at + 1);
      })
      .join(''),
  );

/** Each digit as a Vietnamese word, or a mix of words and digit groups. */
const spelt = (digits: string) =>
  fc
    .tuple(
      fc.array(fc.nat(), { minLength: digits.length, maxLength: digits.length }),
      fc.array(fc.boolean(), { minLength: digits.length, maxLength: digits.length }),
      fc.constantFrom(' ', ', ', ' - '),
      fc.boolean(),
    )
    .map(([picks, asWord, sep, isMixed]) =>
      [...digits]
        .map((d, i) => {
          if (isMixed && !asWord[i]) return d;
          const words = DIGIT_WORDS[d]!;
          return words[picks[i]! % words.length]!;
        })
        .join(sep)
        .replace(/(\d) (?=\d)|(\d), (?=\d)|(\d) - (?=\d)/g, '$1$2$3'),
    );

const phone = significantNumber.chain((nsn) =>
  fc.oneof(
    withPrefix(nsn).chain(({ prefix, nsn: n }) => grouped(n).map((g) => prefix + g)),
    withPrefix(nsn).chain(({ prefix, nsn: n }) =>
      grouped(n, [' ', '.', '-']).chain((g) => withLetters(prefix + g)),
    ),
    spelt('0' + nsn),
  ),
);

const hasNumberWord = (text: string) =>
  foldDiacritics(text)
    .toLowerCase()
    .split(/[^a-z]+/)
    .some((w) => digitsOfWord(w) !== null);

describe('redactPersonalData (properties)', () => {
  it.prop([sentence(phone)])('no digit of a phone number survives, in any written form', (text) => {
    const out = redactPersonalData(text).text;
    expect(out).toContain('[số điện thoại]');
    expect(out).not.toMatch(/\d/);
    expect(hasNumberWord(out)).toBe(false);
  });

  const local = fc
    .tuple(fc.constantFrom('long', 'hoa', 'nguyen.van', 'tuan_anh', 'mai'), digitString(2, 4))
    .map(([name, d]) => name + d);
  const email = fc
    .tuple(
      local,
      fc.constantFrom('@', ' @ ', '[at]', ' (at) ', ' at ', ' a còng ', '(@)'),
      fc.constantFrom('gmail', 'yahoo', 'outlook', 'vnpt'),
      fc.constantFrom('.', ' . ', ' dot ', '[dot]', ' chấm '),
      fc.constantFrom('com', 'vn', 'net', 'org'),
    )
    .map(([l, at, domain, dot, tld]) => ({ local: l, written: `${l}${at}${domain}${dot}${tld}` }));

  it.prop([email.chain((e) => sentence(fc.constant(e.written)).map((s) => ({ ...e, s })))])(
    'an e-mail address, plain or obfuscated, is replaced whole',
    ({ local: l, s }) => {
      const out = redactPersonalData(s).text;
      expect(out).toContain('[email]');
      expect(out).not.toContain(l);
      expect(out).not.toMatch(/\d/);
    },
  );

  const cccd = fc
    .tuple(fc.integer({ min: 1, max: 96 }), fc.integer({ min: 0, max: 3 }), digitString(8, 8))
    .map(([province, century, rest]) => `0${String(province).padStart(2, '0')}${century}${rest}`);
  const identity = fc.oneof(
    fc
      .tuple(
        fc.constantFrom('CCCD ', 'số CCCD: ', 'căn cước ', 'định danh ', ''),
        cccd.chain((d) => grouped(d, [' ', '.', '-'])),
      )
      .map(([c, n]) => ({ text: c + n, kind: c ? '[số giấy tờ]' : null })),
    fc
      .tuple(fc.constantFrom('CMND số ', 'CMND: ', 'chứng minh '), digitString(9, 9))
      .map(([c, n]) => ({ text: c + n, kind: '[số giấy tờ]' })),
    fc
      .tuple(
        fc.constantFrom('hộ chiếu ', 'passport ', ''),
        fc.constantFrom('B', 'C', 'N', 'P'),
        digitString(7, 7),
      )
      .map(([c, l, n]) => ({ text: c + l + n, kind: '[số giấy tờ]' })),
    fc
      .tuple(
        fc.constantFrom(
          'STK ',
          'số tài khoản ',
          'TK ',
          'tài khoản Vietcombank ',
          'Agribank ',
          'BIDV: ',
          'Techcombank ',
        ),
        digitString(8, 19).chain((d) => grouped(d, [' ', '.', '-'])),
      )
      .map(([c, n]) => ({ text: c + n, kind: '[số tài khoản]' })),
  );

  it.prop([identity.chain((v) => sentence(fc.constant(v.text)).map((s) => ({ ...v, s })))])(
    'ID-card, passport and account numbers leave no digit behind',
    ({ s, kind }) => {
      const out = redactPersonalData(s).text;
      expect(out).not.toMatch(/\d/);
      if (kind) expect(out).toContain(kind);
      else expect(out).toMatch(/\[[^\]]+\]/);
    },
  );

  const SERIES_LETTERS = 'ABCDEFGHKLMNPSTUVXYZ'.split('');
  const plate = fc
    .tuple(
      fc.integer({ min: 11, max: 99 }),
      fc.constantFrom(...SERIES_LETTERS),
      fc.oneof(
        fc.constant(''),
        fc.constantFrom(...SERIES_LETTERS),
        fc.integer({ min: 1, max: 9 }).map(String),
      ),
      digitString(5, 5),
      fc.constantFrom('A-B.C', 'AB', 'A B.C', 'A-BC', 'A BC', '-A B.C', '-A-B.C'),
    )
    .map(([code, letter, second, num, style]) => {
      const series = letter + second;
      const dotted = `${num.slice(0, 3)}.${num.slice(3)}`;
      const forms: Record<string, string> = {
        'A-B.C': `${code}${series}-${dotted}`,
        AB: `${code}${series}${num}`,
        'A B.C': `${code}${series} ${dotted}`,
        'A-BC': `${code}${series}-${num}`,
        'A BC': `${code}${series} ${num}`,
        '-A B.C': `${code}-${series} ${dotted}`,
        '-A-B.C': `${code}-${series}-${dotted}`,
      };
      return forms[style]!;
    });

  it.prop([sentence(plate.map((p) => `xe ${p}`))])('a licence plate is replaced whole', (text) => {
    const out = redactPersonalData(text).text;
    expect(out).toContain('[biển số xe]');
    expect(out).not.toMatch(/\d/);
  });

  const SURNAMES = [
    'Nguyễn',
    'Trần',
    'Lê',
    'Phạm',
    'Hoàng',
    'Huỳnh',
    'Phan',
    'Vũ',
    'Võ',
    'Đặng',
    'Bùi',
    'Đỗ',
    'Hồ',
    'Ngô',
    'Dương',
    'Lý',
  ];
  const MIDDLES = ['Văn', 'Thị', 'Đức', 'Hữu', 'Minh', 'Ngọc', 'Xuân', 'Quốc', 'Thanh', 'Đình'];
  const GIVEN = [
    'Long',
    'Lan',
    'Hoa',
    'Tuấn',
    'Hùng',
    'Dũng',
    'Hương',
    'Mai',
    'Thảo',
    'Nam',
    'Bình',
    'Hải',
    'Sơn',
    'Phúc',
    'Linh',
    'Trang',
    'Huệ',
    'Khánh',
    'Quân',
    'Vy',
    'Yến',
    'Quỳnh',
    'Nghĩa',
    'Phượng',
    'Oanh',
  ];
  const CUES = [
    'ông',
    'bà',
    'anh',
    'chị',
    'cô',
    'chú',
    'bác',
    'em',
    'cháu',
    'đồng chí',
    'đ/c',
    'ông/bà',
    'tôi là',
    'tên là',
    'tôi tên',
    'họ tên:',
    'gia đình ông',
    'hộ bà',
    'Ông',
    'Bà',
  ];
  const personName = fc.oneof(
    fc
      .tuple(fc.constantFrom(...SURNAMES), fc.constantFrom(...MIDDLES), fc.constantFrom(...GIVEN))
      .map((p) => p.join(' ')),
    fc.tuple(fc.constantFrom(...MIDDLES), fc.constantFrom(...GIVEN)).map((p) => p.join(' ')),
    fc.constantFrom(...GIVEN),
  );
  const writtenName = fc
    .tuple(personName, fc.constantFrom('as is', 'folded', 'upper', 'nfd'))
    .map(([n, how]) => {
      const written =
        how === 'folded'
          ? foldDiacritics(n)
          : how === 'upper'
            ? n.toUpperCase()
            : how === 'nfd'
              ? n.normalize('NFD')
              : n;
      return { name: n, written };
    });
  // The words of a text without its placeholders ("[họ tên]" would read as the family name Hồ).
  const words = (text: string) =>
    new Set(
      foldDiacritics(text.normalize('NFC').replace(/\[[^\]]*\]/g, ' '))
        .toLowerCase()
        .split(/[^a-z]+/),
    );

  it.prop([
    fc
      .tuple(fc.constantFrom(...CUES), writtenName)
      .chain(([cue, n]) =>
        sentence(fc.constant(`${cue} ${n.written}`)).map((s) => ({ cue, ...n, s })),
      ),
  ])(
    'a name after an honorific or an introduction is replaced, the honorific kept',
    ({ cue, name, s }) => {
      const out = redactPersonalData(s).text.normalize('NFC');
      expect(out).toContain(`${cue} [họ tên]`);
      const left = words(out.replace(cue, ''));
      for (const part of words(name)) if (part) expect(left.has(part)).toBe(false);
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
      const known: KnownPersonalData = { citizen: { name } };
      const out = redactPersonalData(`${before} ${written} gửi đơn`, known).text;
      expect(out).toContain('[họ tên]');
      const left = words(out);
      for (const part of words(how === 'given after cue' ? parts[2] : name))
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
    expect(out).not.toMatch(/\d{2}/);
  });

  const STREETS = [
    'Trần Phú',
    'Nguyễn Du',
    'Lê Lợi',
    'Hà Huy Tập',
    'Phan Đình Phùng',
    'Xuân Diệu',
    'Hải Thượng Lãn Ông',
    'Võ Liêm Sơn',
  ];
  const HAMLETS = ['Đông', 'Trung Tiến', 'Bắc Sơn', 'Yên Phú'];
  const houseNumber = fc
    .tuple(
      fc.integer({ min: 1, max: 999 }),
      fc.constantFrom('', 'A', 'B'),
      fc.option(fc.integer({ min: 1, max: 99 })),
    )
    .map(([n, l, sub]) => `${n}${l}${sub === null ? '' : `/${sub}`}`);
  const address = fc
    .tuple(
      houseNumber,
      fc.integer({ min: 1, max: 40 }),
      fc.constantFrom(...STREETS),
      fc.constantFrom(...HAMLETS),
      fc.integer({ min: 0, max: 6 }),
    )
    .map(([n, m, street, hamlet, form]) => {
      const forms = [
        { text: `số ${n} đường ${street}`, secret: [n, street] },
        { text: `số nhà ${n}`, secret: [n] },
        { text: `nhà số ${n} ngõ ${m} phố ${street}`, secret: [n, street] },
        { text: `ở ${n} ${street}`, secret: [n, street] },
        {
          text: `tổ ${m} khối ${n.replace(/\D.*$/, '')}`,
          secret: [String(m), n.replace(/\D.*$/, '')],
        },
        { text: `thôn ${hamlet}, xóm ${m}`, secret: [hamlet, String(m)] },
        { text: `địa chỉ: ${n} ${street}`, secret: [n, street] },
      ];
      return forms[form]!;
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

  const dd = fc.integer({ min: 1, max: 28 });
  const mm = fc.integer({ min: 1, max: 12 });
  const yyyy = fc.integer({ min: 1990, max: 2030 });
  const pad = (n: number) => String(n).padStart(2, '0');
  const publicThing = fc.oneof(
    fc
      .tuple(dd, mm, yyyy, fc.constantFrom('/', '-', '.'))
      .map(([d, m, y, s]) => `ngày ${d}${s}${m}${s}${y}`),
    fc.tuple(dd, mm, yyyy).map(([d, m, y]) => `${y}-${pad(m)}-${pad(d)}`),
    fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `lúc ${pad(h)}:${pad(m)}`),
    fc
      .tuple(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(' đồng', 'đ', ' VNĐ', ' triệu đồng'),
      )
      .map(([n, groups, unit]) => `${n}${'.000'.repeat(groups)}${unit}`),
    fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('QĐ-TTg', 'QĐ-UBND', 'UBND-VX'))
      .map(([n, s]) => `Quyết định số ${n}/${s}`),
    fc
      .tuple(fc.integer({ min: 1, max: 999 }), yyyy, fc.constantFrom('NĐ-CP', 'TT-BTC', 'QH15'))
      .map(([n, y, s]) => `Nghị định ${n}/${y}/${s}`),
    fc.constantFrom('đường Trần Phú', 'đường Nguyễn Văn Cừ', 'phố Huế', 'phường Bắc Hà'),
    fc
      .tuple(fc.integer({ min: 1, max: 99 }), fc.constantFrom('', 'A', 'B'))
      .map(([n, l]) => `Quốc lộ ${n}${l}`),
    fc
      .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }))
      .map(([k, m]) => `Km ${k}+${m}`),
    fc
      .uint8Array({ minLength: 7, maxLength: 7 })
      .map((b) => `mã hồ sơ ${formatTrackingCode(trackingCodeFromBytes(b))}`),
    fc.tuple(fc.integer({ min: 2, max: 500 })).map(([n]) => `${n} hộ dân`),
  );

  it.prop([sentence(publicThing)])(
    'dates, times, amounts, decision numbers, roads and codes stay',
    (text) => {
      expect(redactPersonalData(text)).toEqual({ text, redactions: [] });
    },
  );

  const anything = fc.oneof(
    sentence(phone),
    sentence(plate),
    sentence(publicThing),
    email.map((e) => e.written),
    address.map((a) => a.text),
    fc.tuple(fc.constantFrom(...CUES), personName).map(([c, n]) => `${c} ${n}`),
  );
  const text = fc.array(anything, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));

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
  ])('the redactions rebuild the output from the original', (t) => {
    const { text: out, redactions } = redactPersonalData(t);
    let rebuilt = '';
    let at = 0;
    for (const r of redactions) {
      expect(r.start).toBeGreaterThanOrEqual(at);
      expect(r.end).toBeGreaterThan(r.start);
      rebuilt += t.slice(at, r.start) + `[${r.kind}]`;
      at = r.end;
    }
    rebuilt += t.slice(at);
    const placeholders = out.replace(
      /\[(?:số điện thoại|email|số giấy tờ|số tài khoản|biển số xe|họ tên|địa chỉ)\]/g,
      '[x]',
    );
    expect(
      rebuilt.replace(/\[(?:phone|email|id_number|bank_account|plate|name|address)\]/g, '[x]'),
    ).toBe(placeholders);
  });
});

// Test support (used by the *.prop.test.ts files only): fast-check generators of each written
// form of personal data, embedded in ordinary Vietnamese sentences. The fillers hold no digits,
// no capitalised words, no number words and no syllable of the generated names, so whatever of
// a generated value survives redaction can be seen in the output.
import { fc } from '@fast-check/vitest';
import { foldDiacritics } from '../text/fold-diacritics.js';
import { formatTrackingCode, trackingCodeFromBytes } from '../tracking-code.js';
import { DIGIT_WORDS } from './numbers-in-words.js';
import { isVietnamesePhoneDigits } from './phones.js';
import { list } from './word-list.js';

export const FILLERS_BEFORE = list(`
  Kính gửi,|xin được giúp:|mong sớm sửa chữa,|vào buổi sáng,|trời mưa to nên|nhờ xem giúp
`).concat('');
const FILLERS_AFTER = ['.', ', xin cảm ơn.', ' nhờ xem giúp', '!', ' vào buổi sáng.', ''];

/** The value between a random start and end of a sentence. */
export const sentence = (value: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.constantFrom(...FILLERS_BEFORE), value, fc.constantFrom(...FILLERS_AFTER))
    .map(([before, v, after]) => `${before} ${v}${after}`.trim());

export const digitString = (min: number, max: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max })
    .map((d) => d.join(''));

/** Splits digits into groups of 2–4 joined by random separators people use. */
export const grouped = (
  digits: string,
  seps: readonly string[] = [' ', '.', '-', '  ', ' - ', '. '],
) =>
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

const MOBILE_PREFIXES = list(`
  32|33|34|35|36|37|38|39|56|58|70|76|77|78|79|81|82|83|84|85|86|88|89|90|91|93|94|96|97|98|99
`);
const LANDLINE_PREFIXES = ['24', '28', '239', '236', '258'];

/** A valid Vietnamese mobile or landline number without its leading 0. */
export const significantNumber = fc
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

const PREFIXES = ['0', '+84', '84', '(+84) ', '+84 ', '+84  ', '0', '0'];
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
        const letters = LOOKALIKES[chunk.charAt(at)]!;
        return chunk.slice(0, at) + letters[i % letters.length]! + chunk.slice(at + 1);
      })
      .join(''),
  );

/** Each digit as a Vietnamese word (with its variants), or a mix of words and digits. */
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

/** A phone number in any written form: separators, prefixes, look-alike letters, words. */
export const phone = significantNumber.chain((nsn) =>
  fc.oneof(
    fc.constantFrom(...PREFIXES).chain((prefix) => grouped(nsn).map((g) => prefix + g)),
    fc
      .constantFrom(...PREFIXES)
      .chain((prefix) => grouped(nsn, [' ', '.', '-']).chain((g) => withLetters(prefix + g))),
    grouped(nsn.slice(2), [' ', '.']).map((g) => `(0${nsn.slice(0, 2)}) ${g}`),
    grouped(nsn, ['/', ',']).map((g) => `0${g}`),
    spelt('0' + nsn),
  ),
);

/** An e-mail address, plain or obfuscated, with its local part. */
export const email = fc
  .tuple(
    fc
      .tuple(fc.constantFrom('long', 'hoa', 'nguyen.van', 'tuan_anh', 'mai'), digitString(2, 4))
      .map(([name, d]) => name + d),
    fc.constantFrom('@', ' @ ', '[at]', ' (at) ', ' at ', ' a còng ', '(@)'),
    fc.constantFrom('gmail', 'yahoo', 'outlook', 'vnpt'),
    fc.constantFrom('.', ' . ', ' dot ', '[dot]', ' chấm '),
    fc.constantFrom('com', 'vn', 'net', 'org'),
  )
  .map(([local, at, domain, dot, tld]) => ({
    local,
    written: `${local}${at}${domain}${dot}${tld}`,
  }));

/** A CCCD number: province code, century and sex, year of birth, six random digits. */
export const cccd = fc
  .tuple(fc.integer({ min: 1, max: 96 }), fc.integer({ min: 0, max: 3 }), digitString(8, 8))
  .map(([province, century, rest]) => `0${String(province).padStart(2, '0')}${century}${rest}`);
const BANK_CUES = list(
  'STK |số tài khoản |TK |tài khoản Vietcombank |Agribank |BIDV: |Techcombank ',
);

/** ID-card, passport and account numbers with (or without) their cue, and the placeholder due. */
export const identity = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('CCCD ', 'số CCCD: ', 'căn cước ', 'định danh ', ''),
      cccd.chain((d) => grouped(d, [' ', '.', '-'])),
    )
    .map(([c, n]) => ({ text: c + n, placeholder: c ? '[số giấy tờ]' : null })),
  fc
    .tuple(fc.constantFrom('CMND số ', 'CMND: ', 'chứng minh '), digitString(9, 9))
    .map(([c, n]) => ({ text: c + n, placeholder: '[số giấy tờ]' })),
  fc
    .tuple(
      fc.constantFrom('hộ chiếu ', 'passport ', ''),
      fc.constantFrom('B', 'C', 'N', 'P'),
      digitString(7, 7),
    )
    .map(([c, l, n]) => ({ text: c + l + n, placeholder: '[số giấy tờ]' })),
  fc
    .tuple(
      fc.constantFrom(...BANK_CUES.map((c) => `${c} `)),
      digitString(8, 19).chain((d) => grouped(d, [' ', '.', '-'])),
    )
    .map(([c, n]) => ({ text: c + n, placeholder: '[số tài khoản]' })),
);

const SERIES_LETTERS = 'ABCDEFGHKLMNPSTUVXYZ'.split('');

/** A licence plate: 38A-123.45, 38A12345, 29-B1 123.45, 51F 999.99, 30E-1234… */
export const plate = fc
  .tuple(
    fc.integer({ min: 11, max: 99 }),
    fc.constantFrom(...SERIES_LETTERS),
    fc.oneof(
      fc.constant(''),
      fc.constantFrom(...SERIES_LETTERS),
      fc.integer({ min: 1, max: 9 }).map(String),
    ),
    digitString(5, 5),
    fc.integer({ min: 0, max: 7 }),
  )
  .map(([code, letter, second, num, style]) => {
    const series = letter + second;
    const dotted = `${num.slice(0, 3)}.${num.slice(3)}`;
    return [
      `${code}${series}-${dotted}`,
      `${code}${series}${num}`,
      `${code}${series} ${dotted}`,
      `${code}${series}-${num}`,
      `${code}${series} ${num}`,
      `${code}-${series} ${dotted}`,
      `${code}-${series}-${dotted}`,
      `${code}${series}-${num.slice(0, 4)}`,
    ][style]!;
  });

export const SURNAMES = list(
  'Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý',
);
export const MIDDLES = list('Văn|Thị|Đức|Hữu|Minh|Ngọc|Xuân|Quốc|Thanh|Đình');
export const GIVEN = list(`
  Long|Lan|Hoa|Tuấn|Hùng|Dũng|Hương|Mai|Thảo|Nam|Bình|Hải|Sơn|Phúc|Linh|Trang|Huệ|Khánh|Quân|Vy|
  Yến|Quỳnh|Nghĩa|Phượng|Oanh
`);
export const NAME_CUES = list(`
  ông|bà|anh|chị|cô|chú|bác|em|cháu|đồng chí|đ/c|ông/bà|tôi là|tên là|tôi tên|họ tên:|
  gia đình ông|hộ bà|Ông|Bà
`);

/** A full name, a middle and given name, or a given name alone. */
export const personName = fc.oneof(
  fc
    .tuple(fc.constantFrom(...SURNAMES), fc.constantFrom(...MIDDLES), fc.constantFrom(...GIVEN))
    .map((p) => p.join(' ')),
  fc.tuple(fc.constantFrom(...MIDDLES), fc.constantFrom(...GIVEN)).map((p) => p.join(' ')),
  fc.constantFrom(...GIVEN),
);

/** A name as written: as is, without diacritics, in capitals or decomposed (NFD). */
export const writtenName = fc
  .tuple(personName, fc.constantFrom('as is', 'folded', 'upper', 'nfd'))
  .map(([name, how]) => {
    const written = {
      'as is': name,
      folded: foldDiacritics(name),
      upper: name.toUpperCase(),
      nfd: name.normalize('NFD'),
    }[how];
    return { name, written };
  });

export const STREETS = list(
  'Trần Phú|Nguyễn Du|Lê Lợi|Hà Huy Tập|Phan Đình Phùng|Xuân Diệu|Hải Thượng Lãn Ông|Võ Liêm Sơn',
);
const HAMLETS = list('Đông|Trung Tiến|Bắc Sơn|Yên Phú');
export const houseNumber = fc
  .tuple(
    fc.integer({ min: 1, max: 999 }),
    fc.constantFrom('', 'A', 'B'),
    fc.option(fc.integer({ min: 1, max: 99 })),
  )
  .map(([n, l, sub]) => `${n}${l}${sub === null ? '' : `/${sub}`}`);

/** A house address and the parts of it that must not survive. */
export const address = fc
  .tuple(
    houseNumber,
    fc.integer({ min: 1, max: 40 }),
    fc.constantFrom(...STREETS),
    fc.constantFrom(...HAMLETS),
    fc.integer({ min: 0, max: 6 }),
  )
  .map(([n, m, street, hamlet, form]) => {
    const block = n.replace(/\D.*$/, '');
    return [
      { text: `số ${n} đường ${street}`, secret: [n, street] },
      { text: `số nhà ${n}`, secret: [n] },
      { text: `nhà số ${n} ngõ ${m} phố ${street}`, secret: [n, street] },
      { text: `ở ${n} ${street}`, secret: [n, street] },
      { text: `tổ ${m} khối ${block}`, secret: [String(m), block] },
      { text: `thôn ${hamlet}, xóm ${m}`, secret: [hamlet, String(m)] },
      { text: `địa chỉ: ${n} ${street}`, secret: [n, street] },
    ][form]!;
  });

const day = fc.integer({ min: 1, max: 28 });
const month = fc.integer({ min: 1, max: 12 });
const year = fc.integer({ min: 1990, max: 2030 });
const pad = (n: number) => String(n).padStart(2, '0');

/** Public and useful things that look like numbers or names and must stay as written. */
export const publicThing = fc.oneof(
  fc
    .tuple(day, month, year, fc.constantFrom('/', '-', '.'))
    .map(([d, m, y, s]) => `ngày ${d}${s}${m}${s}${y}`),
  fc.tuple(day, month, year).map(([d, m, y]) => `${y}-${pad(m)}-${pad(d)}`),
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
    .tuple(fc.integer({ min: 1, max: 999 }), year, fc.constantFrom('NĐ-CP', 'TT-BTC', 'QH15'))
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
  fc.integer({ min: 2, max: 500 }).map((n) => `${n} hộ dân`),
  fc.constantFrom('hotline 1900 1234', 'tổng đài 1800 5678'),
);

/** The lower-case words of a text without diacritics or placeholders ("[họ tên]" reads as Hồ). */
export function wordsOf(text: string): Set<string> {
  return new Set(
    foldDiacritics(text.normalize('NFC').replace(/\[[^\]]*\]/g, ' '))
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length > 0),
  );
}

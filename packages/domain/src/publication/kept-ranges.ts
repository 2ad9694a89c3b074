import { isValidTrackingCode } from '../tracking-code.js';
import { matchesOf, type Range } from './spans.js';
import type { TextView } from './text-view.js';
import { list } from './word-list.js';

// Public and useful numbers that look like personal ones: they are kept as written. Each pattern
// runs on the folded lower-case text and must not be glued to further digits; one only spaced
// from other digits is kept only when those belong to a kept range too ("12/3/2026 (2026-03-12)"),
// so "09 12.03.2026" is not taken for a date inside a longer number.
const NOT_AFTER_DIGITS = String.raw`(?<![0-9a-z]|[0-9][.,\-/+])`;
const NOT_BEFORE_DIGITS = String.raw`(?![0-9a-z]|[.,\-/][0-9])`;
// A number word right before a year means the year may be the tail of a spelt number.
const NOT_AFTER_NUMBER_WORD = String.raw`(?<!(?:[0-9]|\b(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|le|linh|muoi))[\s.,\-]{1,3})`;

const DAY = String.raw`(?:0?[1-9]|[12][0-9]|3[01])`;
const MONTH = String.raw`(?:0?[1-9]|1[0-2])`;
const YEAR = String.raw`(?:19|20)[0-9]{2}`;

// Thousands grouped by dots, commas or spaces, or not at all; a decimal part.
const AMOUNT = String.raw`(?:[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]{0,2}(?: [0-9]{3})+|[1-9][0-9]{0,12})(?:[.,][0-9]{1,2})?`;
// Currency after an amount, with its diacritics: "đồng" is also the first syllable of "đồng
// chí", "đồng ý"…, and folded it would be "Đông", a place name after a house number.
const CURRENCY = String.raw`(?:đồng(?!\s+(?:chí|bào|ý|thời|bộ|hồ|nghiệp|tình|bằng|ruộng|đội|hành|lực|chủ|minh|loạt|nai|tháp|xu|mức|nhất|đều|lòng|hương|thuận|cảm)(?![\p{L}\p{M}]))|đ(?![/\p{L}\p{M}])|vnđ|vnd|triệu|tỷ|tỉ|nghìn|ngàn|usd|%)`;
// Written: on the lower-case text with its diacritics.
const WRITTEN_PATTERNS: readonly RegExp[] = [
  // Amounts: 2.500.000 đồng, 1,5 triệu, 500.000đ, 12 500 000 VND, 2500000 đồng
  new RegExp(`(?<![0-9\\p{L}]|[0-9][.,\\-/+])${AMOUNT}\\s{0,2}${CURRENCY}`, 'gu'),
];

const PATTERNS: readonly RegExp[] = [
  // 12/3/2026, 12-03-2026, 12.03.2026, 2026-03-12, 3/2026
  new RegExp(`${NOT_AFTER_DIGITS}${DAY}([/.\\-])${MONTH}\\1${YEAR}${NOT_BEFORE_DIGITS}`, 'g'),
  new RegExp(`${NOT_AFTER_DIGITS}${YEAR}-${MONTH}-${DAY}${NOT_BEFORE_DIGITS}`, 'g'),
  new RegExp(`${NOT_AFTER_DIGITS}${MONTH}/${YEAR}${NOT_BEFORE_DIGITS}`, 'g'),
  // ngày 12/3, ngày 12-3 (day and month after "ngày")
  new RegExp(`(?<=\\bngay\\s{1,3})${DAY}[/.\\-]${MONTH}${NOT_BEFORE_DIGITS}`, 'g'),
  // năm 2026, the year 2026 on its own
  new RegExp(`${NOT_AFTER_NUMBER_WORD}\\bnam\\s{1,3}${YEAR}${NOT_BEFORE_DIGITS}`, 'g'),
  // times: 08:30, 8h30, 8 giờ 30
  new RegExp(
    `${NOT_AFTER_DIGITS}(?:[01]?[0-9]|2[0-3])[:h][0-5][0-9](?::[0-5][0-9])?${NOT_BEFORE_DIGITS}`,
    'g',
  ),
  // Decision and law numbers: 766/QĐ-TTg, 100/2019/NĐ-CP, 15/2020/TT-BTC, 35/2024/QH15
  /(?<![0-9a-z])[0-9]{1,6}(?:\/[0-9]{2,4})?\/[a-z]{1,8}(?:[0-9]{1,2})?(?:-[a-z0-9]{1,10})*(?![0-9a-z])/g,
  // Kilometre posts: Km 12+300, Km12 + 300
  /\bkm\s{0,2}[0-9]{1,4}\s{0,2}\+\s{0,2}[0-9]{1,4}(?![0-9])/g,
  // Year ranges: 2021 - 2025, 2019–2020
  new RegExp(`${NOT_AFTER_DIGITS}${YEAR}\\s{0,2}[-–]\\s{0,2}${YEAR}${NOT_BEFORE_DIGITS}`, 'g'),
  // Camera and screenshot file names: IMG_20251015_083012, Screenshot_2025-10-15-08-30-12
  /(?<![0-9])(?:19|20)[0-9]{2}-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12][0-9]|3[01])[_\- ](?:[01][0-9]|2[0-3])[-.:]?[0-5][0-9][-.:]?[0-5][0-9](?![0-9])/g,
];

// Tracking codes are shown as XXXX-XXXX and may be all figures (the alphabet has 2–9).
const TRACKING = /(?<![0-9a-z]|[0-9a-z][-.])[0-9a-z]{4}-[0-9a-z]{4}(?![0-9a-z]|[-.][0-9a-z])/g;

function isAlone(text: string, range: Range, all: readonly Range[]): boolean {
  const before = /[0-9][\s()+]{1,4}$/.exec(text.slice(Math.max(0, range.start - 5), range.start));
  if (before) {
    const digit = range.start - before[0].length;
    if (!all.some((r) => r !== range && r.start <= digit && digit < r.end)) return false;
  }
  const after = /^[\s()]{1,4}[0-9]/.exec(text.slice(range.end, range.end + 5));
  if (after) {
    const digit = range.end + after[0].length - 1;
    if (!all.some((r) => r !== range && r.start <= digit && digit < r.end)) return false;
  }
  return true;
}

// Amounts after a word for money ("số tiền 2.500.000", "mức phạt 1.500.000"), matched with
// diacritics: folded, "tien" and "phat" are also the names Tiến and Phát.
const AFTER_MONEY_WORD = new RegExp(
  `(?<=(?<![\\p{L}\\p{M}])(?:${list(`
    tiền|phí|phạt|giá|lương|trị giá|kinh phí|hỗ trợ|bồi thường|tổng cộng|thanh toán
  `).join('|')})\\s{1,3}(?:là\\s{1,3})?)[1-9][0-9]{0,2}(?:\\.[0-9]{3})+(?![0-9]|[.,][0-9])`,
  'gu',
);

/** Ranges of the text that hold dates, times, amounts, decision numbers and tracking codes. */
export function keptRanges(view: TextView): Range[] {
  const candidates = candidateRanges(view);
  return candidates.filter((r) => isAlone(view.lower, r, candidates));
}

function candidateRanges(view: TextView): Range[] {
  const ranges: Range[] = [];
  for (const pattern of PATTERNS) {
    for (const m of matchesOf(pattern, view.lower)) {
      ranges.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  const written = view.nfc
    .split('')
    .map((u) => (u.toLowerCase().length === 1 ? u.toLowerCase() : u))
    .join('');
  for (const pattern of [...WRITTEN_PATTERNS, AFTER_MONEY_WORD]) {
    for (const m of matchesOf(pattern, written)) {
      ranges.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  for (const m of matchesOf(TRACKING, view.lower)) {
    if (isValidTrackingCode(m[0].toUpperCase().replace('-', ''))) {
      ranges.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return ranges;
}

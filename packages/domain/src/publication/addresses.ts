import { list } from './word-list.js';
import { isInside, matchesOf, type Range, type Span } from './spans.js';
import { escapeRegExp, foldLower, isWordForm, type TextView } from './text-view.js';
import { isSyllable } from './vietnamese-words.js';

// A house number is personal, the street alone or the commune is not: "số 12 đường Trần Phú",
// "nhà số 5 ngõ 3 phố Huế", "12/3 Nguyễn Du", "số nhà 45", and the hamlet-level units under a
// commune ("tổ 3 khối 5", "thôn Đông, xóm 2") become "[địa chỉ]"; "đường Trần Phú" and
// "phường Bắc Hà" stay. Keywords are checked with their diacritics ("phố" is a street, "phó" a
// deputy) unless the text has none.
const HOUSE_NUMBER = /[0-9]{1,5}[a-z]?(?:\s?[/-]\s?[0-9]{1,5}[a-z]?)*(?![0-9a-z])/y;
const HOUSE_CUES = new Set(['số nhà', 'nhà số', 'sn', 'số', 'nhà', 'căn hộ', 'địa chỉ', 'đc']);
const STANDALONE_CUES = new Set(['số nhà', 'nhà số', 'sn', 'căn hộ'].map(foldLower));
const LANES = new Set(['ngõ', 'ngách', 'hẻm', 'hẽm', 'kiệt', 'ngỏ']);
const STREETS = new Set(['đường', 'phố', 'đại lộ', 'đ.']);
// Hamlets have names ("thôn Đông"); the other units only numbers ("Phòng Tài nguyên" stays).
const NAMED_UNITS = new Set(['tổ dân phố', 'khu phố', 'xóm', 'thôn', 'ấp', 'bản', 'buôn', 'làng']);
const UNITS = new Set([
  ...NAMED_UNITS,
  'tdp',
  'kp',
  'tổ',
  'khối',
  'khu dân cư',
  'khu tập thể',
  'ktt',
  'lô',
  'block',
  'tòa',
  'toà',
  'chung cư',
  'phòng',
  'căn hộ',
]);
const ADMIN = new Set(['xã', 'phường', 'huyện', 'quận', 'tỉnh', 'thị', 'thành', 'tp', 'tx', 'tt']);
// A bare number then a capitalised name is a house address unless these come before it;
// "số 2" after the second list numbers an institution or a document, not a house ("Trường Tiểu
// học số 2 Thạch Hạ", "Tổ công tác số 3", "thửa đất số 125"). Matched on the lower-case text
// with its diacritics: without them "dieu" could be the street Xuân Diệu as well as "điều".
const NOT_ADDRESS_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${list(`
    ngày|tháng|năm|điều|khoản|điểm|chương|mục|km|quốc lộ|ql|tỉnh lộ|tl|đt|lần|khoảng|gồm|có|lúc|
    từ|đến|và|hơn|dưới|trên|nghị định|quyết định|thông tư|công văn|luật|số lượng
  `).join('|')})[\\s.:]{1,3}$`,
  'u',
);
const NUMBERED_THING = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${list(`
    trường|tiểu học|thcs|thpt|mầm non|mẫu giáo|nhà trẻ|trạm|đội|tổ công tác|tổ|phòng|ban|kênh|
    cống|cầu|bệnh viện|nhà máy|xí nghiệp|công ty|chi nhánh|kho|cửa hàng|quyết định|nghị định|
    thông tư|công văn|văn bản|luật|điều|khoản|lô|thửa|thửa đất|tờ bản đồ|bản đồ|giai đoạn|tuyến|
    trạm bơm|hội trường
  `).join('|')})(?:\\s{1,3}số)?\\s{1,3}$`,
  'u',
);

/** The lower-case text (with diacritics) just before `pos`. */
function writtenBefore(view: TextView, pos: number): string {
  return view.nfc.slice(Math.max(0, pos - 24), pos).toLowerCase();
}

function wordList(forms: ReadonlySet<string>): RegExp {
  const alternatives = [...new Set([...forms].map(foldLower))]
    .sort((a, b) => b.length - a.length)
    .map((f) => escapeRegExp(f).replace(/ /g, '\\s{1,3}'));
  return new RegExp(`(?:${alternatives.join('|')})(?![0-9a-z])`, 'y');
}
const LANE_WORD = wordList(LANES);
const STREET_WORD = wordList(STREETS);
const UNIT_WORD = wordList(UNITS);
const NAMED_UNIT_WORDS = new Set([...NAMED_UNITS].map(foldLower));
const UNIT_START = new RegExp(`(?<![0-9a-z])${UNIT_WORD.source}`, 'g');
const HOUSE_CUE = new RegExp(
  `(?<![0-9a-z])${wordList(HOUSE_CUES).source}[\\s:]{0,3}(?=[0-9])`,
  'g',
);
const BARE_NUMBER =
  /(?<![0-9A-Za-z.,/:+-])[0-9]{1,5}[A-Za-z]?(?:\/[0-9]{1,5}[A-Za-z]?)*(?=\s{1,2}[A-Z])/g;

/** The end of a keyword from `forms` at `pos`, checked with its diacritics, or null. */
function keywordAt(
  view: TextView,
  pos: number,
  pattern: RegExp,
  forms: ReadonlySet<string>,
): number | null {
  pattern.lastIndex = pos;
  const m = pattern.exec(view.lower);
  if (!m) return null;
  const end = pos + m[0].length;
  return isWordForm(view, pos, end, forms) ? end : null;
}

/** The text with its kept ranges: a house number never starts inside one ("Văn bản số 456/UBND-KT"
 * is a document number, not hamlet 456). */
type Scan = TextView & { keep: readonly Range[] };

function houseNumberAt(view: Scan, pos: number): number | null {
  if (isInside(view.keep, pos, pos + 1)) return null;
  HOUSE_NUMBER.lastIndex = pos;
  const m = HOUSE_NUMBER.exec(view.lower);
  return m ? pos + m[0].length : null;
}

/** The end of a run of 1–`max` capitalised syllables at `pos` (a street or hamlet name). */
function properNameAt(view: Scan, pos: number, min: number, max: number): number | null {
  let at = pos;
  let end: number | null = null;
  for (let n = 0; n < max; n++) {
    const m = /[A-Z][A-Za-z]*(?![0-9A-Za-z\p{L}])/uy;
    m.lastIndex = at;
    const word = m.exec(view.folded);
    if (!word) break;
    const wordEnd = at + word[0].length;
    const lower = word[0].toLowerCase();
    if (!(lower.length === 1 || isSyllable(lower))) break;
    if (isWordForm(view, at, wordEnd, ADMIN)) break;
    if (n + 1 >= min) end = wordEnd;
    const gap = /^[ \t]{1,2}/.exec(view.folded.slice(wordEnd, wordEnd + 3));
    if (!gap) break;
    at = wordEnd + gap[0].length;
  }
  return end;
}

function skipSeparators(view: Scan, pos: number): number {
  const m = /^[\s,]{0,3}/.exec(view.folded.slice(pos, pos + 3));
  return pos + (m?.[0].length ?? 0);
}

function spaces(view: Scan, pos: number): number {
  const m = /^[\s:]{0,3}/.exec(view.folded.slice(pos, pos + 3));
  return pos + (m?.[0].length ?? 0);
}

/** A unit (tổ, thôn, xóm…) with its number or name at `pos`; the end, or null. */
function unitAt(view: Scan, pos: number): number | null {
  const word = keywordAt(view, pos, UNIT_WORD, UNITS);
  if (word === null) return null;
  const at = spaces(view, word);
  if (at === word) return null;
  const numbered = /^(?:so\s{0,2})?/.exec(view.lower.slice(at, at + 6))?.[0].length ?? 0;
  const number = houseNumberAt(view, at + numbered);
  if (number !== null) return number;
  const unit = view.lower.slice(pos, word).replace(/\s+/g, ' ');
  return NAMED_UNIT_WORDS.has(unit) ? properNameAt(view, at, 1, 3) : null;
}

/**
 * What follows a house number: lanes ("ngõ 3 ngách 12"), a street ("đường Trần Phú", "phố
 * Huế"), units ("tổ 3 khối 5"), or directly a street name; `pos` when nothing does.
 */
function tailAt(view: Scan, pos: number, isNameAllowed: boolean): number {
  let end = pos;
  for (let step = 0; step < 6; step++) {
    const at = skipSeparators(view, end);
    const lane = keywordAt(view, at, LANE_WORD, LANES);
    if (lane !== null) {
      const num = houseNumberAt(view, spaces(view, lane));
      if (num !== null) {
        end = num;
        continue;
      }
    }
    const street = keywordAt(view, at, STREET_WORD, STREETS);
    if (street !== null) {
      const name = spaces(view, street);
      const named = properNameAt(view, name, 1, 5) ?? houseNumberAt(view, name);
      if (named !== null) {
        end = named;
        continue;
      }
    }
    const unit = unitAt(view, at);
    if (unit !== null) {
      end = unit;
      continue;
    }
    if (step === 0 && isNameAllowed) {
      const name = properNameAt(view, at, 1, 5);
      if (name !== null) {
        end = name;
        continue;
      }
    }
    break;
  }
  return end;
}

/** House addresses and hamlet-level units. */
export function addressSpans(text: TextView, keep: readonly Range[]): Span[] {
  const view: Scan = { ...text, keep };
  const spans: Span[] = [];
  const add = (start: number, end: number) => spans.push({ kind: 'address', start, end });
  // "số 12 đường Trần Phú", "số nhà 45", "nhà số 5 ngõ 3"
  for (const m of matchesOf(HOUSE_CUE, view.lower)) {
    const cue = view.lower.slice(m.index, m.index + m[0].length).replace(/[\s:]+$/, '');
    if (!isWordForm(view, m.index, m.index + cue.length, HOUSE_CUES)) continue;
    const start = m.index + m[0].length;
    if (isInside(keep, start, start + 1)) continue;
    const number = houseNumberAt(view, start);
    if (number === null) continue;
    if (cue === 'so' && NUMBERED_THING.test(writtenBefore(view, m.index))) {
      continue;
    }
    const end = tailAt(view, number, true);
    if (end > number || STANDALONE_CUES.has(cue.replace(/\s+/g, ' '))) add(start, end);
  }
  // "12/3 Nguyễn Du", "45A Trần Phú"
  for (const m of matchesOf(BARE_NUMBER, view.folded)) {
    const start = m.index;
    if (isInside(keep, start, start + m[0].length)) continue;
    const before = writtenBefore(view, start);
    if (NOT_ADDRESS_BEFORE.test(before) || NUMBERED_THING.test(before)) continue;
    const number = start + m[0].length;
    const at = skipSeparators(view, number);
    const isSlashed = m[0].includes('/');
    const name = properNameAt(view, at, isSlashed ? 1 : 2, 5);
    if (name !== null) add(start, tailAt(view, name, false));
  }
  // "tổ 3 khối 5", "thôn Đông, xóm 2"
  for (const m of matchesOf(UNIT_START, view.lower)) {
    const first = unitAt(view, m.index);
    if (first === null) continue;
    add(m.index, tailAt(view, first, false));
  }
  return spans;
}

const PERSONAL_PART_WORDS = new Set(
  [...UNITS, ...LANES, ...HOUSE_CUES, 'đường', 'phố'].flatMap((w) => foldLower(w).split(' ')),
);

/** The citizen's own address wherever it appears, and its house-number part on its own. */
export function knownAddressSpans(view: TextView, address: string | null | undefined): Span[] {
  if (!address || address.trim().length < 4) return [];
  const wordsOf = (text: string) =>
    foldLower(text)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0);
  const forms = [wordsOf(address)];
  for (const part of address.split(/[,;\n]/)) {
    const words = wordsOf(part);
    const first = words[0];
    if (!first || words.length < 2) continue;
    // The house-number part and hamlet-level parts; the commune, district and province stay.
    if (words.some((w) => /[0-9]/.test(w)) || PERSONAL_PART_WORDS.has(first)) forms.push(words);
  }
  const spans: Span[] = [];
  for (const words of forms) {
    if (words.length === 0) continue;
    const pattern = new RegExp(
      `(?<![0-9a-z])${words.map(escapeRegExp).join('[^0-9a-z]{1,4}')}(?![0-9a-z])`,
      'g',
    );
    for (const m of matchesOf(pattern, view.lower)) {
      spans.push({ kind: 'address', start: m.index, end: m.index + m[0].length });
    }
  }
  return spans;
}

import { matchesOf, type Span } from './spans.js';
import { list } from './word-list.js';
import { escapeRegExp, foldLower, isWordForm, type TextView } from './text-view.js';
import {
  INTRODUCTIONS,
  MIDDLE_NAMES,
  NAME_CUES,
  NOT_NAME_WORDS,
  PRONOUNS,
  SURNAMES,
  TITLES,
  isSyllable,
} from './vietnamese-words.js';

const MAX_NAME_WORDS = 5;
// How texts name the country's founder; not a citizen's name.
const PUBLIC_FIGURES: ReadonlySet<string> = new Set(['bác hồ']);
const CUE_FORMS: ReadonlySet<string> = new Set(NAME_CUES);
const CUE_PATTERN = new RegExp(
  `(?<![0-9a-z])(?:${[...new Set(NAME_CUES.map(foldLower))]
    .sort((a, b) => b.length - a.length)
    .map((c) => escapeRegExp(c).replace(/ /g, '\\s{1,3}'))
    .join('|')})(?![0-9a-z])`,
  'g',
);
const WORD = /[A-Za-z]+/y;
const AFTER_CUE = /[ \t]{0,3}(?::\s{0,3})?(?:la[ \t]{1,3})?/y;

interface Word {
  start: number;
  end: number;
  lower: string;
  isCapitalised: boolean;
}

function wordAt(view: TextView, pos: number): Word | null {
  WORD.lastIndex = pos;
  const m = WORD.exec(view.folded);
  if (!m) return null;
  const end = pos + m[0].length;
  // A word glued to digits or to letters we do not fold (other scripts) is not a name.
  if (/[0-9\p{L}]/u.test(view.folded.charAt(end))) return null;
  if (pos > 0 && /[0-9\p{L}]/u.test(view.folded.charAt(pos - 1))) return null;
  const text = m[0];
  const isCapitalised = /^[A-Z](?:[a-z]*|[A-Z]*)$/.test(text);
  return { start: pos, end, lower: text.toLowerCase(), isCapitalised };
}

function isNameWord(word: Word): boolean {
  return word.lower.length === 1 || isSyllable(word.lower);
}

/** The words of the name starting at `pos`: capitalised syllables separated by single spaces. */
function wordsFrom(view: TextView, pos: number, isLowerAllowed: boolean): Word[] {
  const words: Word[] = [];
  let at = pos;
  while (words.length < MAX_NAME_WORDS) {
    const word = wordAt(view, at);
    if (!word || !isNameWord(word)) break;
    if (!word.isCapitalised) {
      if (!isLowerAllowed) break;
      if (words.length === 0 && !SURNAMES.has(word.lower)) break;
      // A family name opens the name even where it folds to a word ("dang": Đặng, not đang);
      // right after it a middle name is read as one ("tran thi hoa": thị, not thì);
      // after two words only a word written with its diacritics ends the name ("năm" does,
      // "nam" may be the given name Nam).
      const written = view.nfc.slice(word.start, word.end);
      const isStop =
        words.length >= 2
          ? NOT_NAME_WORDS.has(written)
          : words.length === 1 &&
            !MIDDLE_NAMES.has(word.lower) &&
            isWordForm(view, word.start, word.end, NOT_NAME_WORDS);
      if (isStop) break;
      if (word.lower !== view.folded.slice(word.start, word.end)) break;
    }
    words.push(word);
    const gap = /^[ \t]{1,2}/.exec(view.folded.slice(word.end, word.end + 3));
    if (!gap) break;
    at = word.end + gap[0].length;
  }
  if (words.length > 0 && !words[0]!.isCapitalised && words.length < 2) return [];
  return words;
}

// Titles are matched as written; without diacritics only when their second word is in lower
// case ("Chu tich"), since "Truong", "Van Phong" or "Phuong" may as well be names.
function isTitleOrPronoun(view: TextView, words: readonly Word[]): boolean {
  const first = words[0];
  if (!first) return true;
  const one = view.nfc.slice(first.start, first.end).toLowerCase();
  if (PRONOUNS.has(one) || TITLES.has(one)) return true;
  // The second word of a title may be lower-case ("Chủ tịch"), so it is read whatever its case.
  const gap = /^[ \t]{1,2}/.exec(view.folded.slice(first.end, first.end + 3));
  const second = gap ? wordAt(view, first.end + gap[0].length) : null;
  if (second === null) return false;
  const two = view.nfc.slice(first.start, second.end).toLowerCase().replace(/\s+/g, ' ');
  if (TITLES.has(two)) return true;
  return !second.isCapitalised && isWordForm(view, first.start, second.end, TITLES);
}

/** Where each honorific or introduction ends (the name, if any, follows). */
export function cueEnds(view: TextView): { start: number; end: number; isIntroduction: boolean }[] {
  const ends: { start: number; end: number; isIntroduction: boolean }[] = [];
  for (const m of matchesOf(CUE_PATTERN, view.lower)) {
    const end = m.index + m[0].length;
    if (!isWordForm(view, m.index, end, CUE_FORMS)) continue;
    const cue = view.lower.slice(m.index, end).replace(/\s+/g, ' ');
    AFTER_CUE.lastIndex = end;
    const skip = AFTER_CUE.exec(view.folded)?.[0].length ?? 0;
    ends.push({ start: m.index, end: end + skip, isIntroduction: INTRODUCTIONS.has(cue) });
  }
  return ends;
}

/** Names right after an honorific or an introduction ("ông Nguyễn Văn A", "tôi là Lan"). */
export function cuedNameSpans(view: TextView): Span[] {
  const spans: Span[] = [];
  for (const cue of cueEnds(view)) {
    const words = wordsFrom(view, cue.end, cue.isIntroduction);
    if (words.length === 0 || isTitleOrPronoun(view, words)) continue;
    const start = words[0]!.start;
    const end = words[words.length - 1]!.end;
    if (isWordForm(view, cue.start, end, PUBLIC_FIGURES)) continue;
    spans.push({ kind: 'name', start, end });
  }
  return spans;
}

// Before these a "Nguyễn Văn …" is a street, a school or a place named after someone. With
// diacritics: folded, "cho" (chợ) or "den" (đền) would also be "cho" and "đến", which may well
// come before a person's name.
const NAMED_PLACE = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${list(`
    đường|phố|đại lộ|ngõ|hẻm|kiệt|trường|thpt|thcs|tiểu học|mầm non|bệnh viện|cầu|chợ|công viên|
    quảng trường|tượng đài|đền|nhà văn hóa|nhà văn hoá|khu|xã|phường|thị trấn|huyện|quận|tp|tỉnh|
    giải|quỹ|học bổng|lăng|di tích|bảo tàng|thư viện|nhà thờ|chùa|thành phố
  `).join('|')})[\\s.:,]{1,3}$`,
  'u',
);

/** Names that need no honorific: a family name then a usual middle name ("Trần Thị Hoa"). */
export function familyNameSpans(view: TextView): Span[] {
  const spans: Span[] = [];
  for (const m of matchesOf(/(?<![A-Za-z0-9])[A-Z][a-zA-Z]*/g, view.folded)) {
    const words = wordsFrom(view, m.index, false);
    const [family, middle] = words;
    if (!family || !middle) continue;
    if (!SURNAMES.has(family.lower) || !MIDDLE_NAMES.has(middle.lower)) continue;
    const before = view.nfc.slice(Math.max(0, m.index - 20), m.index).toLowerCase();
    if (NAMED_PLACE.test(before)) continue;
    spans.push({ kind: 'name', start: family.start, end: words[words.length - 1]!.end });
  }
  return spans;
}

function namePattern(parts: readonly string[]): RegExp {
  return new RegExp(
    `(?<![0-9a-z])${parts.map(escapeRegExp).join('[\\s_.\\-]{0,3}')}(?![0-9a-z])`,
    'g',
  );
}

/**
 * A known person's name: in full anywhere (any case, with or without diacritics, in file names
 * as nguyen_van_long), family and given name alone, and the given name (or middle and given)
 * after an honorific ("anh Long").
 */
export function knownNameSpans(view: TextView, names: readonly string[]): Span[] {
  const spans: Span[] = [];
  const cues = names.length > 0 ? cueEnds(view) : [];
  for (const name of names) {
    const parts = foldLower(name)
      .split(/[^a-z0-9]+/)
      .filter((p) => p.length > 0);
    const given = parts[parts.length - 1];
    if (!given) continue;
    const patterns: RegExp[] = [];
    if (parts.length >= 2) {
      patterns.push(namePattern(parts), namePattern([parts[0]!, given]));
    }
    for (const pattern of patterns) {
      for (const m of matchesOf(pattern, view.lower)) {
        spans.push({ kind: 'name', start: m.index, end: m.index + m[0].length });
      }
    }
    const shortForms = parts.length >= 3 ? [parts.slice(-2), [given]] : [[given]];
    for (const cue of cues) {
      for (const form of shortForms) {
        const sticky = new RegExp(`${form.map(escapeRegExp).join('\\s{1,3}')}(?![0-9a-z])`, 'y');
        sticky.lastIndex = cue.end;
        const m = sticky.exec(view.lower);
        if (m) {
          spans.push({ kind: 'name', start: cue.end, end: cue.end + m[0].length });
          break;
        }
      }
    }
  }
  return spans;
}

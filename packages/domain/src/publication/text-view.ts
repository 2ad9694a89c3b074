/**
 * One text seen three ways with the same offsets: NFC, NFC with diacritics folded (case kept)
 * and that folded text in lower case. Detectors match on the folded forms, so "khong chin",
 * "không chín" and NFD "không chín" are found alike, and report offsets that map back to the
 * original, whatever its normal form.
 */
export interface TextView {
  readonly original: string;
  readonly nfc: string;
  /** `nfc` with diacritics folded to ASCII letters (đ → d), case kept, same length. */
  readonly folded: string;
  /** `folded` in lower case, same length. */
  readonly lower: string;
  /** The offset in `original` of an offset in `nfc` (0 … nfc.length). */
  toOriginal(offset: number): number;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;
const COMBINING = /\p{M}/u;

// Per UTF-16 unit so that offsets stay those of the NFC text.
function foldUnit(unit: string): string {
  const code = unit.charCodeAt(0);
  if (code < 0x80) return unit;
  if (unit === 'đ') return 'd';
  if (unit === 'Đ') return 'D';
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
  if (ZERO_WIDTH.test(unit)) return ' ';
  if (code >= 0xd800 && code <= 0xdfff) return unit;
  const base = unit.normalize('NFD').charAt(0);
  return base.charCodeAt(0) < 0x80 ? base : unit;
}

function lowerUnit(unit: string): string {
  const lower = unit.toLowerCase();
  return lower.length === 1 ? lower : unit;
}

/** Builds the view; NFD (or mixed) input is composed segment by segment to keep an offset map. */
export function viewOf(original: string): TextView {
  let nfc = original;
  let starts: number[] | null = null;
  if (original.normalize('NFC') !== original) {
    nfc = '';
    starts = [];
    let i = 0;
    while (i < original.length) {
      let j = i + (original.codePointAt(i)! > 0xffff ? 2 : 1);
      while (
        j < original.length &&
        COMBINING.test(String.fromCodePoint(original.codePointAt(j)!))
      ) {
        j += original.codePointAt(j)! > 0xffff ? 2 : 1;
      }
      const composed = original.slice(i, j).normalize('NFC');
      for (let k = 0; k < composed.length; k++) starts.push(i);
      nfc += composed;
      i = j;
    }
  }
  let folded = '';
  let lower = '';
  for (const unit of nfc.split('')) {
    const f = foldUnit(unit);
    folded += f;
    lower += lowerUnit(f);
  }
  const map = starts;
  return {
    original,
    nfc,
    folded,
    lower,
    toOriginal: (offset) =>
      map === null ? offset : offset >= map.length ? original.length : (map[offset] ?? 0),
  };
}

/**
 * True when `nfc[start, end)` is one of `forms` (lower-case, with diacritics), or is written
 * without diacritics and folds to one of them: "bác" and "bac" are the honorific, "bắc" is not.
 */
export function isWordForm(
  view: TextView,
  start: number,
  end: number,
  forms: ReadonlySet<string>,
): boolean {
  const written = view.nfc.slice(start, end).toLowerCase().replace(/\s+/g, ' ');
  if (forms.has(written)) return true;
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(written)) return false;
  return foldedForms(forms).has(view.lower.slice(start, end).replace(/\s+/g, ' '));
}

const FOLDED = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

function foldedForms(forms: ReadonlySet<string>): ReadonlySet<string> {
  let folded = FOLDED.get(forms);
  if (!folded) {
    folded = new Set([...forms].map(foldLower));
    FOLDED.set(forms, folded);
  }
  return folded;
}

/** Lower-case ASCII folding of a word list entry (for building patterns). */
export function foldLower(text: string): string {
  let out = '';
  for (const unit of text.normalize('NFC').split('')) out += lowerUnit(foldUnit(unit));
  return out;
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

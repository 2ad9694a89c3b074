import { digitsOfWord } from './numbers-in-words.js';
import { isInside, type Range } from './spans.js';
import type { TextView } from './text-view.js';

/** A stretch of text read as digits: figures, look-alike letters, number words. */
export interface DigitRun {
  start: number;
  end: number;
  digits: string;
  /** The pieces the run was read from, in order. */
  parts: readonly { start: number; end: number; digits: string }[];
}

interface Token {
  start: number;
  end: number;
  digits: string;
  isWord: boolean;
}

// Letters people type for digits to get past filters ("09l2345678", "O9I2 345 678").
const LOOKALIKE: Readonly<Record<string, string>> = {
  l: '1',
  I: '1',
  i: '1',
  O: '0',
  o: '0',
  S: '5',
  s: '5',
  B: '8',
  b: '6',
  G: '6',
  Z: '2',
  z: '2',
  g: '9',
  q: '9',
  T: '7',
  A: '4',
};

function tokenOf(chunk: string, start: number): Token | null {
  const end = start + chunk.length;
  if (/^\d+$/.test(chunk)) return { start, end, digits: chunk, isWord: false };
  const word = digitsOfWord(chunk.toLowerCase());
  if (word !== null) return { start, end, digits: word, isWord: true };
  let digits = '';
  let real = 0;
  for (const ch of chunk) {
    if (ch >= '0' && ch <= '9') {
      digits += ch;
      real++;
    } else {
      const d = LOOKALIKE[ch];
      if (d === undefined) return null;
      digits += d;
    }
  }
  // A figure must dominate, or ordinary words ("So", "Bolo") would read as numbers.
  if (real === 0 || real < chunk.length - real) return null;
  return { start, end, digits, isWord: false };
}

function tokensOf(view: TextView, skip: readonly Range[]): Token[] {
  const tokens: Token[] = [];
  for (const m of view.folded.matchAll(/[0-9A-Za-z]+/g)) {
    const token = tokenOf(m[0], m.index);
    if (token && !isInside(skip, token.start, token.end)) tokens.push(token);
  }
  return tokens;
}

// What may stand between two pieces of one number: the separators of written phone numbers
// ("+84  912.345-678", "(024) 3825 1234", "0912_345_678.jpg", "0912/345/678"), a comma only
// with no space ("0912,345,678", not a list "12, 13, 14"); between spelt words also commas.
const FIGURE_GAP = /^(?:[\s.\-–—()+_/]{1,4}|[.,/]?,[.,/]?)$/;
const WORD_GAP = /^[\s.,\-–—()_]{1,4}$/;
// For the citizen's own number any short non-alphanumeric gap will do ("0912 / 345 / 678").
const LOOSE_GAP = /^[^0-9A-Za-z]{0,5}$/;

function joins(view: TextView, a: Token, b: Token, loose: boolean): boolean {
  const gap = view.folded.slice(a.end, b.start);
  if (loose) return LOOSE_GAP.test(gap);
  return (a.isWord || b.isWord ? WORD_GAP : FIGURE_GAP).test(gap);
}

function runsOf(view: TextView, tokens: readonly Token[], loose: boolean): DigitRun[] {
  const runs: DigitRun[] = [];
  let current: Token[] = [];
  const flush = () => {
    const first = current[0];
    const last = current[current.length - 1];
    if (first && last) {
      runs.push({
        start: first.start,
        end: last.end,
        digits: current.map((t) => t.digits).join(''),
        parts: current.map(({ start, end, digits }) => ({ start, end, digits })),
      });
    }
    current = [];
  };
  for (const token of tokens) {
    const last = current[current.length - 1];
    if (last && !joins(view, last, token, loose)) flush();
    current.push(token);
  }
  flush();
  return runs;
}

/** Maximal runs of digits as phone and account numbers are written, outside the kept ranges. */
export function digitRuns(view: TextView, keep: readonly Range[]): DigitRun[] {
  return runsOf(view, tokensOf(view, keep), false);
}

/**
 * Where `wanted` (a digit string) occurs in the text read as one loose stream of digits: the
 * citizen's own number is found however it is split, spelt or punctuated.
 */
export function findDigits(view: TextView, wanted: string): Range[] {
  if (wanted.length === 0) return [];
  const found: Range[] = [];
  for (const run of runsOf(view, tokensOf(view, []), true)) {
    // Where each part's digits start in run.digits, to map digit offsets back to the text.
    const offsets: number[] = [];
    let total = 0;
    for (const part of run.parts) {
      offsets.push(total);
      total += part.digits.length;
    }
    const partAt = (digit: number, from: number) => {
      let i = from;
      while (i + 1 < offsets.length && offsets[i + 1]! <= digit) i++;
      return i;
    };
    let first = 0;
    for (
      let from = run.digits.indexOf(wanted);
      from >= 0;
      from = run.digits.indexOf(wanted, from + 1)
    ) {
      // The country code or trunk 0 written before the number goes with it.
      const prefix =
        run.digits.slice(Math.max(0, from - 2), from) === '84'
          ? 2
          : run.digits.charAt(from - 1) === '0'
            ? 1
            : 0;
      first = partAt(from - prefix, first);
      const last = partAt(from + wanted.length - 1, first);
      let start = run.parts[first]!.start;
      if (start > 0 && view.folded.charAt(start - 1) === '+') start--;
      found.push({ start, end: run.parts[last]!.end });
    }
  }
  return found;
}

import { matchesOf, type Span } from './spans.js';
import type { TextView } from './text-view.js';

// Vietnamese licence plates: a two-digit province code (11–99), a series (one or two letters,
// or a letter and a digit on motorbikes) and four or five digits, the five often as 123.45:
// 38A-123.45, 38A12345, 29-B1 123.45, 51F 999.99, 38-X1 234.56, 30E-1234, 29LD-123.45.
// Upper-case series only when spaced, so that "20 m 1234" stays.
const CODE = String.raw`(?<![0-9A-Za-z.,/])[1-9][0-9]`;
const NUMBER = String.raw`(?:[0-9]{3}[.\s]?[0-9]{2}|[0-9]{4})(?![0-9A-Za-z]|[.,][0-9])`;
const SPACED = new RegExp(`${CODE}\\s?[-.]?\\s?(?:[A-Z]{1,2}[0-9]?)\\s?[-.]?\\s?${NUMBER}`, 'g');
const TIGHT = new RegExp(`${CODE}-?(?:[a-zA-Z]{1,2}[0-9]?)[-.]?${NUMBER}`, 'g');

// After these words a plate-shaped text is a plate even where a tracking code could have that
// shape ("xe 77F8-5896").
const CUE = /(?:xe|bien so|bien kiem soat|bks|bsx|bien)[\s:.]{1,3}$/;

/** Licence plates. */
export function plateSpans(view: TextView): Span[] {
  const spans: Span[] = [];
  for (const pattern of [SPACED, TIGHT]) {
    for (const m of matchesOf(pattern, view.folded)) {
      const isForced = CUE.test(view.lower.slice(Math.max(0, m.index - 20), m.index));
      spans.push({ kind: 'plate', start: m.index, end: m.index + m[0].length, isForced });
    }
  }
  return spans;
}

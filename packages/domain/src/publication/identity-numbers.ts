import { matchesOf, type Span } from './spans.js';
import type { TextView } from './text-view.js';

// A Vietnamese passport number is one letter and seven digits (B1234567, C 1234567). CCCD (12
// digits), CMND (9) and account numbers are runs of digits and found with the other numbers.
// A tracking code written without its dash can have this shape too (1 in 29 of those made of a
// letter and seven figures); it is redacted then, since a passport number must not leak: the
// code is shown with its dash ("K7QM-4RX9"), which is kept.
const PASSPORT = /(?<![0-9A-Za-z])[A-Za-z][\s-]?[0-9]{7}(?![0-9A-Za-z])/g;

/** Passport numbers. */
export function passportSpans(view: TextView): Span[] {
  return [...matchesOf(PASSPORT, view.folded)].map((m) => ({
    kind: 'id_number' as const,
    start: m.index,
    end: m.index + m[0].length,
  }));
}

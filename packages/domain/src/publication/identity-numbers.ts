import { isValidTrackingCode } from '../tracking-code.js';
import { contextBefore } from './number-context.js';
import { matchesOf, type Span } from './spans.js';
import type { TextView } from './text-view.js';

// A Vietnamese passport number is one letter and seven digits (B1234567, C 1234567). CCCD (12
// digits), CMND (9) and account numbers are runs of digits and found with the other numbers.
const PASSPORT = /(?<![0-9A-Za-z])[A-Za-z][\s-]?[0-9]{7}(?![0-9A-Za-z])/g;

/** Passport numbers; a tracking code that happens to look like one is kept unless cued. */
export function passportSpans(view: TextView): Span[] {
  const spans: Span[] = [];
  for (const m of matchesOf(PASSPORT, view.folded)) {
    const start = m.index;
    const cued = contextBefore(view, start) === 'id';
    if (!cued && isValidTrackingCode(m[0].replace(/[\s-]/g, ''))) continue;
    spans.push({ kind: 'id_number', start, end: start + m[0].length });
  }
  return spans;
}

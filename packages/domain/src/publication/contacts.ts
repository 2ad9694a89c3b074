import { emailSpans } from './emails.js';
import { keptRanges } from './kept-ranges.js';
import { numberRunSpans } from './number-runs.js';
import { viewOf } from './text-view.js';

/**
 * Where e-mail addresses and phone-like numbers are in a text (offsets in the text as given):
 * the detectors of the publication redaction, for texts that only need contacts removed.
 */
export function findContacts(
  text: string,
): { kind: 'email' | 'phone'; start: number; end: number }[] {
  const view = viewOf(text);
  const keep = keptRanges(view);
  return [
    ...emailSpans(view).map((s) => ({ ...s, kind: 'email' as const })),
    ...numberRunSpans(view, keep).map((s) => ({ ...s, kind: 'phone' as const })),
  ].map((s) => ({ kind: s.kind, start: view.toOriginal(s.start), end: view.toOriginal(s.end) }));
}

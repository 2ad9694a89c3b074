import type { RedactionKind } from './redact-personal-data.js';

/** A piece of personal data found by one detector, in offsets of the NFC text. */
export interface Span {
  kind: RedactionKind;
  start: number;
  end: number;
  /** Found by value (the citizen's own number) or by a cue ("xe 77F8-5896") that outweighs a kept range. */
  isForced?: boolean;
}

/** A stretch of text that must stay as written (a date, an amount, a decision number). */
export interface Range {
  start: number;
  end: number;
}

/** True when [start, end) lies inside one of the ranges. */
export function isInside(ranges: readonly Range[], start: number, end: number): boolean {
  return ranges.some((r) => r.start <= start && end <= r.end);
}

/** True when [start, end) overlaps one of the ranges. */
export function overlaps(ranges: readonly Range[], start: number, end: number): boolean {
  return ranges.some((r) => r.start < end && start < r.end);
}

/** Every match of a global pattern, with its offsets. */
export function* matchesOf(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  const re = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g',
  );
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) re.lastIndex++;
    yield m;
  }
}

import type { WorkingInterval } from './calendar.types.js';

const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a local 'HH:MM'; '24:00' is accepted as the end of the day. */
export function parseClockTime(text: string): number {
  if (text === '24:00') return 24 * 60;
  const match = CLOCK_PATTERN.exec(text);
  if (!match) throw new RangeError(`not a clock time 'HH:MM': ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Intervals of one day as [start, end) minute pairs; throws unless ordered and disjoint. */
export function parseWorkingIntervals(intervals: readonly WorkingInterval[]): [number, number][] {
  const minutes: [number, number][] = [];
  let previousEnd = 0;
  for (const interval of intervals) {
    const start = parseClockTime(interval.start);
    const end = parseClockTime(interval.end);
    // Overlaps would count the same minute twice; '24:00' as a start would be tomorrow's.
    if (start >= end || start < previousEnd || start === 24 * 60) {
      throw new RangeError(
        `working intervals must be ordered and disjoint: ${interval.start}–${interval.end}`,
      );
    }
    minutes.push([start, end]);
    previousEnd = end;
  }
  return minutes;
}

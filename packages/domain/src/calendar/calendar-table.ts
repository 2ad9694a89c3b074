import type { DayInfo } from './calendar.types.js';
import type { CalendarYear } from './calendar-year.js';

/** The years a compiled calendar can answer for. */
export const FIRST_CALENDAR_YEAR = 1970;
export const LAST_CALENDAR_YEAR = 2199;

/**
 * A contiguous run of calendar years flattened into typed arrays, so that every query is a
 * binary search plus arithmetic: no Date or time-zone work per call. It grows lazily to cover
 * the instants it is asked about; indices are relative to the first covered day.
 */
export class CalendarTable {
  firstYear = 0;
  lastYear = -1;
  /** Day number of day index 0. */
  firstDay = 0;
  dayCount = 0;
  /** Instant of each local midnight; one more entry ends the last day. */
  dayStarts = new Float64Array(1);
  /** Index of each day's first working interval; one more entry ends the last day. */
  dayFirstInterval = new Int32Array(1);
  intervalStarts = new Float64Array(0);
  intervalEnds = new Float64Array(0);
  /** Working milliseconds before each interval; one more entry is the total. */
  workBefore = new Float64Array(1);
  /** Day indices of the working days, in order. */
  workingDays = new Int32Array(0);
  /** Working days before each day index; one more entry is the total. */
  workingDaysBefore = new Int32Array(1);
  infos: DayInfo[] = [];
  private readonly years = new Map<number, CalendarYear>();

  constructor(private readonly buildYear: (year: number) => CalendarYear) {}

  /** Covers the years `from`..`to` (and everything between them and what is covered). */
  coverYears(from: number, to: number): void {
    const first = this.lastYear < this.firstYear ? from : Math.min(from, this.firstYear);
    const last = Math.max(to, this.lastYear);
    if (first === this.firstYear && last === this.lastYear) return;
    if (first < FIRST_CALENDAR_YEAR || last > LAST_CALENDAR_YEAR) {
      const outside = first < FIRST_CALENDAR_YEAR ? first : last;
      throw new RangeError(
        `working calendars cover ${FIRST_CALENDAR_YEAR}–${LAST_CALENDAR_YEAR}, not ${outside}`,
      );
    }
    const years: CalendarYear[] = [];
    for (let year = first; year <= last; year++) {
      let built = this.years.get(year);
      if (!built) {
        built = this.buildYear(year);
        this.years.set(year, built);
      }
      years.push(built);
    }
    this.flatten(years);
    this.firstYear = first;
    this.lastYear = last;
  }

  /** Covers the instant `at` (milliseconds). */
  coverInstant(at: number): void {
    if (!Number.isFinite(at)) throw new RangeError('invalid date');
    if (this.dayCount === 0) {
      const year = new Date(at).getUTCFullYear();
      this.coverYears(year, year);
    }
    while (at < this.start) this.coverYears(this.firstYear - 1, this.lastYear);
    while (at >= this.end) this.coverYears(this.firstYear, this.lastYear + 1);
  }

  /** Covers one more year after the last. */
  extendForward(): void {
    this.coverYears(this.firstYear, this.lastYear + 1);
  }

  get start(): number {
    return this.dayStarts[0] ?? 0;
  }

  get end(): number {
    return this.dayStarts[this.dayCount] ?? 0;
  }

  /** Index of the day holding the covered instant `at`. */
  dayIndexAt(at: number): number {
    return upperBound(this.dayStarts, this.dayCount + 1, at) - 1;
  }

  /** Index of the last interval starting at or before `at`, or -1. */
  intervalIndexAt(at: number): number {
    return upperBound(this.intervalStarts, this.intervalStarts.length, at) - 1;
  }

  /** Close of business of a working day: the end of its last interval. */
  closeOfBusiness(dayIndex: number): number {
    return this.intervalEnds[(this.dayFirstInterval[dayIndex + 1] ?? 0) - 1] ?? Number.NaN;
  }

  private flatten(years: readonly CalendarYear[]): void {
    let dayCount = 0;
    let intervalCount = 0;
    for (const year of years) {
      dayCount += year.infos.length;
      for (const day of year.intervals) intervalCount += day.length / 2;
    }
    const dayStarts = new Float64Array(dayCount + 1);
    const dayFirstInterval = new Int32Array(dayCount + 1);
    const intervalStarts = new Float64Array(intervalCount);
    const intervalEnds = new Float64Array(intervalCount);
    const workBefore = new Float64Array(intervalCount + 1);
    const workingDaysBefore = new Int32Array(dayCount + 1);
    const workingDays: number[] = [];
    const infos: DayInfo[] = [];
    let d = 0;
    let k = 0;
    for (const year of years) {
      year.infos.forEach((info, i) => {
        dayStarts[d] = year.dayStarts[i] ?? 0;
        dayFirstInterval[d] = k;
        workingDaysBefore[d] = workingDays.length;
        const bounds = year.intervals[i] ?? [];
        if (bounds.length > 0) workingDays.push(d);
        for (let b = 0; b < bounds.length; b += 2) {
          intervalStarts[k] = bounds[b] ?? 0;
          intervalEnds[k] = bounds[b + 1] ?? 0;
          workBefore[k + 1] =
            (workBefore[k] ?? 0) + (intervalEnds[k] ?? 0) - (intervalStarts[k] ?? 0);
          k++;
        }
        infos.push(info);
        d++;
      });
      dayStarts[d] = year.dayStarts[year.infos.length] ?? 0;
    }
    dayFirstInterval[d] = k;
    workingDaysBefore[d] = workingDays.length;
    this.firstDay = years[0]?.firstDay ?? 0;
    this.dayCount = dayCount;
    this.dayStarts = dayStarts;
    this.dayFirstInterval = dayFirstInterval;
    this.intervalStarts = intervalStarts;
    this.intervalEnds = intervalEnds;
    this.workBefore = workBefore;
    this.workingDays = Int32Array.from(workingDays);
    this.workingDaysBefore = workingDaysBefore;
    this.infos = infos;
  }
}

/** First index in `values[0..length)` holding a value greater than `target`. */
export function upperBound(values: Float64Array, length: number, target: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] ?? 0) <= target) low = mid + 1;
    else high = mid;
  }
  return low;
}

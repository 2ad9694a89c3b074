import { TZDateMini, tzOffset } from '@date-fns/tz';
import { DEFAULT_WEEKLY_PATTERN } from './calendar-defaults.js';
import type {
  CalendarOverride,
  DayInfo,
  ResolvedCalendarSpec,
  WorkingInterval,
} from './calendar.types.js';
import { parseWorkingIntervals } from './clock-time.js';
import { firstDayOfYear, formatDayNumber, weekdayOf } from './local-date.js';
import { vietnameseHolidays, type HolidayMark } from './vietnamese-holidays.js';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** One Gregorian year of a calendar, local dates turned into instants. */
export interface CalendarYear {
  year: number;
  /** Day number of 1 January. */
  firstDay: number;
  /** Instant of each local midnight, then of the next year's first. */
  dayStarts: number[];
  /** Each day's working intervals as instants: [start, end, start, end, …]. */
  intervals: number[][];
  infos: DayInfo[];
}

/** Builds the years of one resolved calendar; the lunar and holiday work is cached per year. */
export function createCalendarYearBuilder(
  calendar: ResolvedCalendarSpec,
): (year: number) => CalendarYear {
  const overrides = new Map<string, CalendarOverride>(calendar.overrides.map((o) => [o.date, o]));
  // A worked date without hours takes an ordinary Monday's, the office's own if it has one.
  const monday = calendar.weekly[1].length > 0 ? calendar.weekly[1] : DEFAULT_WEEKLY_PATTERN[1];
  const holidayMarks = new Map<number, Map<number, HolidayMark>>();
  const marksOf = (year: number): Map<number, HolidayMark> => {
    let marks = holidayMarks.get(year);
    if (!marks) {
      marks = vietnameseHolidays(year, calendar.holidays, calendar.weekly);
      holidayMarks.set(year, marks);
    }
    return marks;
  };

  const classify = (day: number, year: number): DayInfo => {
    const date = formatDayNumber(day);
    const override = overrides.get(date);
    if (override) {
      const intervals = override.kind === 'working' ? (override.intervals ?? monday) : [];
      return {
        date,
        isWorking: intervals.length > 0,
        reason: 'override',
        label: override.note,
        intervals,
      };
    }
    // A compensatory day may spill over from the previous year's last holidays.
    const mark = marksOf(year).get(day) ?? marksOf(year - 1).get(day);
    if (mark) {
      return { date, isWorking: false, reason: mark.reason, label: mark.label, intervals: [] };
    }
    const intervals = calendar.weekly[weekdayOf(day)] ?? [];
    const isWorking = intervals.length > 0;
    return { date, isWorking, reason: isWorking ? 'working_day' : 'weekend', intervals };
  };

  const localInstant = (day: number, minutes: number): number => {
    const wall = new Date(day * MS_PER_DAY);
    return new TZDateMini(
      wall.getUTCFullYear(),
      wall.getUTCMonth(),
      wall.getUTCDate(),
      0,
      minutes,
      calendar.timeZone,
    ).getTime();
  };

  const toInstants = (
    day: number,
    intervals: readonly WorkingInterval[],
    midnight: number,
    nextMidnight: number,
  ): number[] => {
    // Most days have one UTC offset throughout: then local minutes map linearly. A day with a
    // transition (none in Vietnam since 1975) asks the zone database for each bound.
    const steady = day * MS_PER_DAY - midnight === (day + 1) * MS_PER_DAY - nextMidnight;
    const instants: number[] = [];
    for (const [start, end] of minutesOf(intervals)) {
      instants.push(
        steady ? midnight + start * MS_PER_MINUTE : localInstant(day, start),
        steady ? midnight + end * MS_PER_MINUTE : localInstant(day, end),
      );
    }
    return instants;
  };

  // Midnights are looked up once per day, so they skip TZDate while the offset holds: guess
  // the instant with the previous offset and confirm it with one Intl call. When the offset
  // changes, TZDate settles a midnight that is skipped or repeated.
  let lastOffset = Number.NaN;
  const localMidnight = (day: number): number => {
    const guess = day * MS_PER_DAY - lastOffset * MS_PER_MINUTE;
    if (tzOffset(calendar.timeZone, new Date(guess)) === lastOffset) return guess;
    const midnight = localInstant(day, 0);
    lastOffset = tzOffset(calendar.timeZone, new Date(midnight));
    return midnight;
  };

  const parsedIntervals = new WeakMap<readonly WorkingInterval[], [number, number][]>();
  const minutesOf = (intervals: readonly WorkingInterval[]): [number, number][] => {
    let parsed = parsedIntervals.get(intervals);
    if (!parsed) {
      parsed = parseWorkingIntervals(intervals);
      parsedIntervals.set(intervals, parsed);
    }
    return parsed;
  };

  return (year) => {
    const firstDay = firstDayOfYear(year);
    const dayCount = firstDayOfYear(year + 1) - firstDay;
    const dayStarts = [localMidnight(firstDay)];
    const intervals: number[][] = [];
    const infos: DayInfo[] = [];
    for (let i = 0; i < dayCount; i++) {
      const day = firstDay + i;
      const midnight = dayStarts[i] ?? 0;
      const nextMidnight = localMidnight(day + 1);
      const info = classify(day, year);
      dayStarts.push(nextMidnight);
      infos.push(info);
      intervals.push(toInstants(day, info.intervals, midnight, nextMidnight));
    }
    return { year, firstDay, dayStarts, intervals, infos };
  };
}

// Local calendar dates as integer day numbers (days since 1970-01-01): the engine indexes days by
// them, and arithmetic on them needs no time zone.
const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a 'YYYY-MM-DD' date; throws RangeError on anything else. */
export function parseLocalDate(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (match) {
    const day = dayNumberOf(Number(match[1]), Number(match[2]), Number(match[3]));
    if (formatDayNumber(day) === date) return day;
  }
  throw new RangeError(`not a date 'YYYY-MM-DD': ${date}`);
}

/** Day number of a Gregorian year, month (1–12) and day (out-of-range parts roll over). */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The 'YYYY-MM-DD' text of a day number. */
export function formatDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day of the week of a day number, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

/** Gregorian year of a day number. */
export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Day number of 1 January of `year`. */
export function firstDayOfYear(year: number): number {
  return dayNumberOf(year, 1, 1);
}

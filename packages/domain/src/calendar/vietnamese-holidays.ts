import type { HolidayRules, WeeklyPattern } from './calendar.types.js';
import { dayNumberOf, weekdayOf } from './local-date.js';
import { lunarYearDays } from './vietnamese-lunar-calendar.js';

/** A date off because of a public holiday, or given in compensation for one. */
export interface HolidayMark {
  reason: 'holiday' | 'compensatory_day';
  label: string;
}

export const HOLIDAY_LABELS = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên Đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  reunification: 'Ngày Giải phóng miền Nam, thống nhất đất nước',
  labour: 'Ngày Quốc tế Lao động',
  nationalDay: 'Quốc khánh',
} as const;

const COMPENSATORY_PREFIX = 'Nghỉ bù ';

/**
 * The public holidays of one Gregorian year by day number, with the compensatory days they
 * give. A holiday on a weekday the pattern does not work gives the next day that the pattern
 * works and that is not already a holiday or a compensatory day (Labour Code 2019, art. 111(3)).
 * Compensatory days can fall in the next year only for patterns with very few working days.
 */
export function vietnameseHolidays(
  year: number,
  rules: HolidayRules,
  weekly: WeeklyPattern,
): Map<number, HolidayMark> {
  const marks = new Map<number, HolidayMark>();
  if (!rules.enabled) return marks;
  const add = (day: number, label: string): void => {
    // When two holidays share a date the first listed names it; the date is off either way.
    if (!marks.has(day)) marks.set(day, { reason: 'holiday', label });
  };
  const { newYearDay, hungKingsDay } = lunarYearDays(year);
  add(dayNumberOf(year, 1, 1), HOLIDAY_LABELS.newYear);
  for (let offset = -rules.tetDaysBefore; offset < rules.tetDaysFrom; offset++) {
    add(newYearDay + offset, HOLIDAY_LABELS.tet);
  }
  add(hungKingsDay, HOLIDAY_LABELS.hungKings);
  add(dayNumberOf(year, 4, 30), HOLIDAY_LABELS.reunification);
  add(dayNumberOf(year, 5, 1), HOLIDAY_LABELS.labour);
  const nationalDay = dayNumberOf(year, 9, 2);
  add(nationalDay, HOLIDAY_LABELS.nationalDay);
  add(nationalDay + (rules.nationalDayExtra === 'before' ? -1 : 1), HOLIDAY_LABELS.nationalDay);
  if (rules.compensatoryDays) addCompensatoryDays(marks, weekly);
  return marks;
}

function addCompensatoryDays(marks: Map<number, HolidayMark>, weekly: WeeklyPattern): void {
  const isWorkedWeekday = (day: number): boolean => (weekly[weekdayOf(day)]?.length ?? 0) > 0;
  if (!weekly.some((intervals) => intervals.length > 0)) return;
  const holidays = [...marks.entries()].sort(([a], [b]) => a - b);
  for (const [day, mark] of holidays) {
    if (isWorkedWeekday(day)) continue;
    let candidate = day + 1;
    // In date order, so a weekend inside Tết pushes its days past the end of Tết and past
    // compensatory days already given.
    while (!isWorkedWeekday(candidate) || marks.has(candidate)) candidate++;
    marks.set(candidate, { reason: 'compensatory_day', label: COMPENSATORY_PREFIX + mark.label });
  }
}

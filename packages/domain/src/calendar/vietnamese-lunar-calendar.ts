import { CalendarVietnamese } from 'date-chinese';
import { dayNumberOf } from './local-date.js';

export interface LunarYearDays {
  /** Day number of lunar new year's day (mùng 1 Tết) falling in the Gregorian year. */
  newYearDay: number;
  /** Day number of the 10th day of the 3rd lunar month (Giỗ Tổ Hùng Vương) of that lunar year. */
  hungKingsDay: number;
}

// The Vietnamese calendar follows the Chinese rules at the UTC+7 meridian, so new moons near
// midnight can start a month a day earlier than in China (Tết 2030: 2 February, not 3).
// A Chinese-calendar library would silently give China's dates.
const calendar = new CalendarVietnamese();
const cache = new Map<number, LunarYearDays>();

/** The lunar dates the Vietnamese public holidays hang on, for one Gregorian year. */
export function lunarYearDays(year: number): LunarYearDays {
  const cached = cache.get(year);
  if (cached) return cached;
  const newYear = calendar.fromJDE(calendar.newYear(year)).toGregorian();
  const [cycle, lunarYear] = calendar.get();
  // Month 3 is the ordinary (non-leap) third month; a leap month before it shifts it, as wanted.
  const hungKings = new CalendarVietnamese(cycle, lunarYear, 3, false, 10).toGregorian();
  const days: LunarYearDays = {
    newYearDay: dayNumberOf(newYear.year, newYear.month, newYear.day),
    hungKingsDay: dayNumberOf(hungKings.year, hungKings.month, hungKings.day),
  };
  cache.set(year, days);
  return days;
}

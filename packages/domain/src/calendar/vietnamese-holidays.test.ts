import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAY_RULES, DEFAULT_WEEKLY_PATTERN } from './calendar-defaults.js';
import { formatDayNumber } from './local-date.js';
import { vietnameseHolidays } from './vietnamese-holidays.js';
import { lunarYearDays } from './vietnamese-lunar-calendar.js';

describe('Vietnamese lunar calendar', () => {
  it.each([
    // 1985 and 2007 are the years Vietnam (UTC+7) and China (UTC+8) famously disagreed;
    // 2030 is the next one.
    [1985, '1985-01-21'],
    [2007, '2007-02-17'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2030, '2030-02-02'],
  ])('puts lunar new year %i on %s', (year, date) => {
    expect(formatDayNumber(lunarYearDays(year).newYearDay)).toBe(date);
  });

  it.each([
    [2023, '2023-04-29'], // after a leap second month
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('puts Giỗ Tổ Hùng Vương %i on %s', (year, date) => {
    expect(formatDayNumber(lunarYearDays(year).hungKingsDay)).toBe(date);
  });
});

describe('holidays of a year', () => {
  const summary = (year: number, rules = DEFAULT_HOLIDAY_RULES): string[] =>
    [...vietnameseHolidays(year, rules, DEFAULT_WEEKLY_PATTERN).entries()]
      .sort(([a], [b]) => a - b)
      .map(([day, mark]) => `${formatDayNumber(day)} ${mark.label}`);

  it('lists 2027 with its compensatory days', () => {
    // 1/5/2027 is a Saturday: Monday 3 May is off. Tết: see the engine tests.
    expect(summary(2027)).toEqual([
      '2027-01-01 Tết Dương lịch',
      '2027-02-05 Tết Nguyên Đán',
      '2027-02-06 Tết Nguyên Đán',
      '2027-02-07 Tết Nguyên Đán',
      '2027-02-08 Tết Nguyên Đán',
      '2027-02-09 Tết Nguyên Đán',
      '2027-02-10 Nghỉ bù Tết Nguyên Đán',
      '2027-02-11 Nghỉ bù Tết Nguyên Đán',
      '2027-04-16 Giỗ Tổ Hùng Vương',
      '2027-04-30 Ngày Giải phóng miền Nam, thống nhất đất nước',
      '2027-05-01 Ngày Quốc tế Lao động',
      '2027-05-03 Nghỉ bù Ngày Quốc tế Lao động',
      '2027-09-01 Quốc khánh',
      '2027-09-02 Quốc khánh',
    ]);
  });

  it('follows the adjustable rules', () => {
    const rules = {
      ...DEFAULT_HOLIDAY_RULES,
      tetDaysBefore: 2,
      tetDaysFrom: 3,
      nationalDayExtra: 'after' as const,
      compensatoryDays: false,
    };
    const days = summary(2026, rules);
    // Lunar new year 2026 is Tuesday 17 February.
    expect(days.filter((day) => day.includes('Tết Nguyên Đán'))).toEqual([
      '2026-02-15 Tết Nguyên Đán',
      '2026-02-16 Tết Nguyên Đán',
      '2026-02-17 Tết Nguyên Đán',
      '2026-02-18 Tết Nguyên Đán',
      '2026-02-19 Tết Nguyên Đán',
    ]);
    expect(days.filter((day) => day.includes('Quốc khánh'))).toEqual([
      '2026-09-02 Quốc khánh',
      '2026-09-03 Quốc khánh',
    ]);
    expect(days.some((day) => day.includes('Nghỉ bù'))).toBe(false);
    expect(summary(2026, { ...rules, enabled: false })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { PROVINCE_CALENDAR } from './calendar-defaults.js';
import type { CalendarSpec, SlaDuration } from './calendar.types.js';
import { compileCalendar } from './compile-calendar.js';

const calendar = compileCalendar(PROVINCE_CALENDAR);
const at = (iso: string): Date => new Date(iso);
const hours = (n: number): SlaDuration => ({ kind: 'working_time', ms: n * 3_600_000 });
const minutes = (n: number): SlaDuration => ({ kind: 'working_time', ms: n * 60_000 });
const days = (n: number): SlaDuration => ({ kind: 'working_days', days: n });

describe('working time (PTnH, PTnM)', () => {
  it('carries over the weekend: Friday 16:30 + PT2H is Monday 09:00', () => {
    // Fri 9 Jan 2026: 30 min to 17:00; the other 90 min from Mon 12 Jan 07:30 end at 09:00.
    // (08:30 would need a day starting at 07:00; ours starts at 07:30.)
    expect(calendar.addWorkingDuration(at('2026-01-09T16:30:00+07:00'), hours(2))).toEqual(
      at('2026-01-12T09:00:00+07:00'),
    );
  });

  it('skips lunch: 11:00 + PT1H is 14:00', () => {
    // Thu 8 Jan 2026: 30 min to 11:30, the rest from 13:30.
    expect(calendar.addWorkingDuration(at('2026-01-08T11:00:00+07:00'), hours(1))).toEqual(
      at('2026-01-08T14:00:00+07:00'),
    );
  });

  it('stays at the end of an interval: 10:30 + PT1H is 11:30, not 13:30', () => {
    expect(calendar.addWorkingDuration(at('2026-01-08T10:30:00+07:00'), hours(1))).toEqual(
      at('2026-01-08T11:30:00+07:00'),
    );
  });

  it('starts counting at the next working instant', () => {
    // Sunday evening: counting starts Monday 07:30.
    expect(calendar.addWorkingDuration(at('2026-01-11T20:00:00+07:00'), minutes(45))).toEqual(
      at('2026-01-12T08:15:00+07:00'),
    );
    // During lunch: counting starts 13:30.
    expect(calendar.addWorkingDuration(at('2026-01-08T12:00:00+07:00'), minutes(30))).toEqual(
      at('2026-01-08T14:00:00+07:00'),
    );
  });

  it('counts a full week as 37.5 hours', () => {
    // 4 h + 3.5 h a day, five days.
    expect(
      calendar.workingDurationBetween(
        at('2026-01-12T00:00:00+07:00'),
        at('2026-01-19T00:00:00+07:00'),
      ),
    ).toBe(37.5 * 3_600_000);
  });

  it('is 0 for an empty or reversed range', () => {
    const t = at('2026-01-08T09:00:00+07:00');
    expect(calendar.workingDurationBetween(t, t)).toBe(0);
    expect(calendar.workingDurationBetween(t, at('2026-01-08T08:00:00+07:00'))).toBe(0);
  });

  it('adds wall-clock time in calendar counting', () => {
    expect(calendar.addCalendarDuration(at('2026-01-09T16:30:00+07:00'), hours(2))).toEqual(
      at('2026-01-09T18:30:00+07:00'),
    );
  });
});

describe('working days (PnD)', () => {
  it('does not count the day of receipt: P1D on Friday 16:00 is Monday 17:00', () => {
    expect(calendar.addWorkingDuration(at('2026-03-06T16:00:00+07:00'), days(1))).toEqual(
      at('2026-03-09T17:00:00+07:00'),
    );
  });

  it('counts from the day of receipt whatever the hour', () => {
    // Received Monday 07:00 or 23:59, P2D is Wednesday's close of business.
    for (const received of ['2026-03-09T00:00:00+07:00', '2026-03-09T23:59:59+07:00']) {
      expect(calendar.addWorkingDuration(at(received), days(2))).toEqual(
        at('2026-03-11T17:00:00+07:00'),
      );
    }
  });

  it('runs past Tết 2027 and its compensatory days', () => {
    // Lunar new year 2027 is Saturday 6 February. Tết is Fri 5 (last day of the year) to
    // Tue 9; Sat 6 and Sun 7 give Wed 10 and Thu 11 off. Received Sat 6, the first working
    // day after it is Fri 12.
    expect(calendar.addWorkingDuration(at('2027-02-06T10:00:00+07:00'), days(1))).toEqual(
      at('2027-02-12T17:00:00+07:00'),
    );
    // Received Thu 4 (the last day worked before Tết), P2D: Fri 12, then Mon 15.
    expect(calendar.addWorkingDuration(at('2027-02-04T15:00:00+07:00'), days(2))).toEqual(
      at('2027-02-15T17:00:00+07:00'),
    );
  });

  it('skips Giỗ Tổ 2026, its compensatory Monday and 30/4–1/5', () => {
    // 10/3 lunar is Sunday 26 April 2026, so Monday 27 is off in compensation; Tue 28 and
    // Wed 29 are worked; Thu 30/4 and Fri 1/5 are holidays, then the weekend.
    // Received Fri 24 April: day 1 is Tue 28, day 2 Wed 29, day 3 Mon 4 May.
    expect(calendar.addWorkingDuration(at('2026-04-24T09:00:00+07:00'), days(3))).toEqual(
      at('2026-05-04T17:00:00+07:00'),
    );
  });

  it('gives two compensatory days when 1 and 2 September are a weekend (2029)', () => {
    // Sat 1 and Sun 2 Sep 2029 are holidays on days off, so Mon 3 and Tue 4 are off.
    // Received Fri 31 August, P1D is Wed 5 September.
    expect(calendar.addWorkingDuration(at('2029-08-31T10:00:00+07:00'), days(1))).toEqual(
      at('2029-09-05T17:00:00+07:00'),
    );
  });

  it('counts calendar days, then moves off days to the next working day', () => {
    // Thu 8 Jan 2026 + P2D (calendar) is Sat 10, moved to Mon 12's close.
    expect(calendar.addCalendarDuration(at('2026-01-08T09:00:00+07:00'), days(2))).toEqual(
      at('2026-01-12T17:00:00+07:00'),
    );
    // Thu 8 Jan + P1D is Fri 9, a working day.
    expect(calendar.addCalendarDuration(at('2026-01-08T09:00:00+07:00'), days(1))).toEqual(
      at('2026-01-09T17:00:00+07:00'),
    );
  });
});

describe('pauses', () => {
  it('does not count time inside a pause', () => {
    // Thu 8 Jan 2026 08:00 + PT2H would be 10:00; paused 09:00–09:30, it is 10:30.
    const pauses = [{ from: at('2026-01-08T09:00:00+07:00'), to: at('2026-01-08T09:30:00+07:00') }];
    expect(calendar.addWorkingDuration(at('2026-01-08T08:00:00+07:00'), hours(2), pauses)).toEqual(
      at('2026-01-08T10:30:00+07:00'),
    );
    expect(
      calendar.workingDurationBetween(
        at('2026-01-08T08:00:00+07:00'),
        at('2026-01-08T10:30:00+07:00'),
        pauses,
      ),
    ).toBe(2 * 3_600_000);
  });

  it('moves a PnD deadline by the working time paused', () => {
    // Received Mon 9 March 2026, P2D ends Wed 11 17:00. Paused a working hour on Tue 10, the
    // deadline moves one working hour: Thu 12 08:30.
    const pauses = [{ from: at('2026-03-10T08:00:00+07:00'), to: at('2026-03-10T09:00:00+07:00') }];
    expect(calendar.addWorkingDuration(at('2026-03-09T10:00:00+07:00'), days(2), pauses)).toEqual(
      at('2026-03-12T08:30:00+07:00'),
    );
  });

  it('carries a deadline past a pause still running at it', () => {
    // Same case, paused from Wed 11 16:00 to Fri 13 08:00: the hour left on Wednesday is
    // spent from Friday 08:00.
    const pauses = [{ from: at('2026-03-11T16:00:00+07:00'), to: at('2026-03-13T08:00:00+07:00') }];
    expect(calendar.addWorkingDuration(at('2026-03-09T10:00:00+07:00'), days(2), pauses)).toEqual(
      at('2026-03-13T09:00:00+07:00'),
    );
  });
});

describe('days', () => {
  it('reads local dates in the calendar zone', () => {
    expect(calendar.localDate(at('2026-01-01T00:30:00+07:00'))).toBe('2026-01-01');
    expect(calendar.localDate(at('2025-12-31T23:59:59+07:00'))).toBe('2025-12-31');
    expect(calendar.localDate(at('2250-06-01T12:00:00+07:00'))).toBe('2250-06-01');
  });

  it('says whether an instant is working time', () => {
    expect(calendar.isWorkingTime(at('2026-01-08T07:30:00+07:00'))).toBe(true);
    expect(calendar.isWorkingTime(at('2026-01-08T11:30:00+07:00'))).toBe(false);
    expect(calendar.isWorkingTime(at('2026-01-10T09:00:00+07:00'))).toBe(false);
    expect(calendar.isWorkingTime(at('2027-02-10T09:00:00+07:00'))).toBe(false);
  });

  it('labels Tết 2030, which starts Saturday 2 February (Vietnam, UTC+7)', () => {
    // China's calendar (UTC+8) starts the year on 3 February. Tết runs Fri 1 (last day of
    // the lunar year) to Tue 5; Sat 2 and Sun 3 give Wed 6 and Thu 7.
    const summary = calendar
      .workingDays('2030-01-31', '2030-02-08')
      .map((day) => [day.date, day.reason, day.label]);
    expect(summary).toEqual([
      ['2030-01-31', 'working_day', undefined],
      ['2030-02-01', 'holiday', 'Tết Nguyên Đán'],
      ['2030-02-02', 'holiday', 'Tết Nguyên Đán'],
      ['2030-02-03', 'holiday', 'Tết Nguyên Đán'],
      ['2030-02-04', 'holiday', 'Tết Nguyên Đán'],
      ['2030-02-05', 'holiday', 'Tết Nguyên Đán'],
      ['2030-02-06', 'compensatory_day', 'Nghỉ bù Tết Nguyên Đán'],
      ['2030-02-07', 'compensatory_day', 'Nghỉ bù Tết Nguyên Đán'],
      ['2030-02-08', 'working_day', undefined],
    ]);
  });

  it('labels the days around Giỗ Tổ and 30/4 in 2026', () => {
    const summary = calendar
      .workingDays('2026-04-25', '2026-05-04')
      .map((day) => `${day.date} ${day.isWorking ? 'làm' : 'nghỉ'} ${day.label ?? day.reason}`);
    expect(summary).toEqual([
      '2026-04-25 nghỉ weekend',
      '2026-04-26 nghỉ Giỗ Tổ Hùng Vương',
      '2026-04-27 nghỉ Nghỉ bù Giỗ Tổ Hùng Vương',
      '2026-04-28 làm working_day',
      '2026-04-29 làm working_day',
      '2026-04-30 nghỉ Ngày Giải phóng miền Nam, thống nhất đất nước',
      '2026-05-01 nghỉ Ngày Quốc tế Lao động',
      '2026-05-02 nghỉ weekend',
      '2026-05-03 nghỉ weekend',
      '2026-05-04 làm working_day',
    ]);
  });

  it('gives a working day its intervals and a day off none', () => {
    expect(calendar.dayInfo('2026-01-08')).toEqual({
      date: '2026-01-08',
      isWorking: true,
      reason: 'working_day',
      intervals: [
        { start: '07:30', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
    });
    expect(calendar.dayInfo('2026-09-02')).toMatchObject({ isWorking: false, intervals: [] });
    expect(calendar.workingDays('2026-01-02', '2026-01-01')).toEqual([]);
  });

  it('rejects malformed dates and years it does not cover', () => {
    expect(() => calendar.dayInfo('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.dayInfo('8/1/2026')).toThrow(RangeError);
    expect(() => calendar.dayInfo('2300-01-01')).toThrow(RangeError);
  });
});

describe('overrides', () => {
  const swapped: CalendarSpec = {
    id: 'swap',
    name: 'Đổi ngày',
    parentId: 'default',
    overrides: [
      // Fri 2 Jan 2026 off, worked back on Sat 10 Jan.
      { date: '2026-01-02', kind: 'day_off', note: 'Nghỉ sau Tết Dương lịch' },
      { date: '2026-01-10', kind: 'working', note: 'Làm bù cho ngày 02/01' },
      // A holiday worked, with its own hours.
      {
        date: '2026-09-01',
        kind: 'working',
        note: 'Trực Quốc khánh',
        intervals: [{ start: '08:00', end: '10:00' }],
      },
    ],
  };
  const swappedCalendar = compileCalendar(swapped, [PROVINCE_CALENDAR]);

  it('works a Saturday with an ordinary Monday’s hours', () => {
    expect(swappedCalendar.dayInfo('2026-01-10')).toMatchObject({
      isWorking: true,
      reason: 'override',
      label: 'Làm bù cho ngày 02/01',
      intervals: [
        { start: '07:30', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
    });
    // Fri 9 Jan 16:30 + PT2H: 30 min on Friday, 90 min from Saturday 07:30.
    expect(swappedCalendar.addWorkingDuration(at('2026-01-09T16:30:00+07:00'), hours(2))).toEqual(
      at('2026-01-10T09:00:00+07:00'),
    );
    // Received Thu 1 Jan (a holiday): Fri 2 is off, so P1D is Mon 5.
    expect(swappedCalendar.addWorkingDuration(at('2026-01-01T09:00:00+07:00'), days(1))).toEqual(
      at('2026-01-05T17:00:00+07:00'),
    );
  });

  it('beats a holiday', () => {
    expect(swappedCalendar.dayInfo('2026-09-01')).toMatchObject({
      isWorking: true,
      reason: 'override',
      intervals: [{ start: '08:00', end: '10:00' }],
    });
    expect(swappedCalendar.isWorkingTime(at('2026-09-01T09:00:00+07:00'))).toBe(true);
    expect(swappedCalendar.isWorkingTime(at('2026-09-01T10:00:00+07:00'))).toBe(false);
  });
});

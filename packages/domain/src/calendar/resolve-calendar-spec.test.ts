import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEKLY_PATTERN, PROVINCE_CALENDAR } from './calendar-defaults.js';
import type { CalendarSpec, WorkingInterval } from './calendar.types.js';
import { compileCalendar } from './compile-calendar.js';
import { resolveCalendarSpec } from './resolve-calendar-spec.js';

const office = DEFAULT_WEEKLY_PATTERN[1];
const allDay: WorkingInterval[] = [{ start: '00:00', end: '24:00' }];

const province: CalendarSpec = {
  ...PROVINCE_CALENDAR,
  overrides: [
    // The province gives Monday 15 Feb 2027 off after Tết and Tue 16 off too.
    { date: '2027-02-15', kind: 'day_off', note: 'Tỉnh cho nghỉ thêm sau Tết' },
    { date: '2027-02-16', kind: 'day_off', note: 'Tỉnh cho nghỉ thêm sau Tết' },
  ],
};
const department: CalendarSpec = {
  id: 'so-tnmt',
  name: 'Sở Tài nguyên và Môi trường',
  parentId: 'default',
  holidays: { tetDaysFrom: 5 },
  overrides: [{ date: '2027-02-16', kind: 'working', note: 'Sở trực tiếp dân' }],
};
const ward: CalendarSpec = {
  id: 'bo-phan-mot-cua',
  name: 'Bộ phận một cửa',
  parentId: 'so-tnmt',
  // Saturday mornings worked.
  weekly: [[], office, office, office, office, office, [{ start: '07:30', end: '11:30' }]],
};

describe('inheritance', () => {
  it('takes each part from the nearest calendar defining it', () => {
    const resolved = resolveCalendarSpec(ward, [province, department]);
    expect(resolved.id).toBe('bo-phan-mot-cua');
    expect(resolved.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(resolved.weekly[6]).toEqual([{ start: '07:30', end: '11:30' }]);
    // Holiday rules merge field by field.
    expect(resolved.holidays).toMatchObject({ tetDaysBefore: 1, tetDaysFrom: 5, enabled: true });
  });

  it('merges overrides, the child winning per date', () => {
    const child = compileCalendar(department, [province]);
    expect(child.dayInfo('2027-02-15')).toMatchObject({
      isWorking: false,
      reason: 'override',
      label: 'Tỉnh cho nghỉ thêm sau Tết',
    });
    expect(child.dayInfo('2027-02-16')).toMatchObject({
      isWorking: true,
      reason: 'override',
      label: 'Sở trực tiếp dân',
    });
    // The province itself keeps its own decision.
    expect(compileCalendar(province).dayInfo('2027-02-16').isWorking).toBe(false);
  });

  it('passes overrides down to grandchildren', () => {
    const grandchild = compileCalendar(ward, [province, department]);
    expect(grandchild.dayInfo('2027-02-15').label).toBe('Tỉnh cho nghỉ thêm sau Tết');
    expect(grandchild.dayInfo('2027-02-16').isWorking).toBe(true);
    // Tết from lunar new year (Sat 6 Feb) for five days: Wed 10 is now Tết; Saturday is a
    // working day here, so Sat 6 gives no compensatory day but Sun 7 gives Thu 11.
    expect(grandchild.dayInfo('2027-02-10')).toMatchObject({ reason: 'holiday' });
    expect(grandchild.dayInfo('2027-02-11')).toMatchObject({ reason: 'compensatory_day' });
    expect(grandchild.dayInfo('2027-02-12')).toMatchObject({ reason: 'working_day' });
    expect(grandchild.dayInfo('2027-02-13').intervals).toEqual([{ start: '07:30', end: '11:30' }]);
  });

  it('rejects a chain given out of order and invalid parts', () => {
    expect(() => resolveCalendarSpec(ward, [department, province])).toThrow(RangeError);
    expect(() => resolveCalendarSpec({ ...department, timeZone: 'Asia/Hanoi_Nowhere' })).toThrow(
      /time zone/,
    );
    const overlapping = [
      { start: '07:30', end: '12:00' },
      { start: '11:30', end: '17:00' },
    ];
    expect(() =>
      resolveCalendarSpec({
        ...department,
        weekly: [[], overlapping, office, office, office, office, []],
      }),
    ).toThrow(RangeError);
    expect(() =>
      resolveCalendarSpec({
        ...department,
        overrides: [
          { date: '2027-02-16', kind: 'day_off', note: 'a' },
          { date: '2027-02-16', kind: 'working', note: 'b' },
        ],
      }),
    ).toThrow(/twice/);
  });

  it('turns holidays off for a calendar that works through them', () => {
    const hotline = compileCalendar(
      {
        id: 'tong-dai',
        name: 'Tổng đài 24/7',
        parentId: 'default',
        weekly: [allDay, allDay, allDay, allDay, allDay, allDay, allDay],
        holidays: { enabled: false },
      },
      [PROVINCE_CALENDAR],
    );
    expect(hotline.dayInfo('2027-02-06')).toMatchObject({ isWorking: true, reason: 'working_day' });
    // Around the clock, working time is wall-clock time, across midnight too.
    expect(
      hotline.addWorkingDuration(new Date('2027-02-06T23:00:00+07:00'), {
        kind: 'working_time',
        ms: 2 * 3_600_000,
      }),
    ).toEqual(new Date('2027-02-07T01:00:00+07:00'));
  });
});

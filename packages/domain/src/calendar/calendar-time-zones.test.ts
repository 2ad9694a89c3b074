import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEKLY_PATTERN } from './calendar-defaults.js';
import type { WorkingInterval } from './calendar.types.js';
import { compileCalendar } from './compile-calendar.js';

// Vietnam has kept UTC+7 since 1975, but a calendar may name any zone: offsets come from the
// zone database, day by day.
const allDay: WorkingInterval[] = [{ start: '00:00', end: '24:00' }];
const berlinAroundTheClock = compileCalendar({
  id: 'berlin-24-7',
  name: 'Berlin 24/7',
  parentId: null,
  timeZone: 'Europe/Berlin',
  weekly: [allDay, allDay, allDay, allDay, allDay, allDay, allDay],
  holidays: { enabled: false },
});
const berlinOffice = compileCalendar({
  id: 'berlin-office',
  name: 'Berlin office',
  parentId: null,
  timeZone: 'Europe/Berlin',
  weekly: DEFAULT_WEEKLY_PATTERN,
  holidays: { enabled: false },
});

describe('time zones with daylight saving time', () => {
  it('has 23 and 25 working hours on the days the clocks change', () => {
    const hoursOn = (from: string, to: string): number =>
      berlinAroundTheClock.workingDurationBetween(new Date(from), new Date(to)) / 3_600_000;
    expect(hoursOn('2025-03-30T00:00:00+01:00', '2025-03-31T00:00:00+02:00')).toBe(23);
    expect(hoursOn('2025-10-26T00:00:00+02:00', '2025-10-27T00:00:00+01:00')).toBe(25);
  });

  it('keeps office hours local across the change', () => {
    // Friday 28 March 2025 16:30 CET + PT2H: 30 min, then Monday 31 March 07:30 CEST + 90 min.
    expect(
      berlinOffice.addWorkingDuration(new Date('2025-03-28T16:30:00+01:00'), {
        kind: 'working_time',
        ms: 2 * 3_600_000,
      }),
    ).toEqual(new Date('2025-03-31T09:00:00+02:00'));
    expect(berlinOffice.localDate(new Date('2025-03-30T23:30:00+02:00'))).toBe('2025-03-30');
  });
});

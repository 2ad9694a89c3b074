import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { PROVINCE_CALENDAR } from './calendar-defaults.js';
import type { CalendarSpec, Pause, SlaDuration } from './calendar.types.js';
import { compileCalendar } from './compile-calendar.js';

// A unit calendar with a worked Saturday and a short day, so the properties also cross
// overrides, besides weekends, lunch breaks, Tết and the other holidays.
const unit: CalendarSpec = {
  id: 'unit',
  name: 'Đơn vị thử',
  parentId: 'default',
  overrides: [
    { date: '2027-02-20', kind: 'working', note: 'Làm bù' },
    {
      date: '2027-03-05',
      kind: 'working',
      note: 'Làm nửa ngày',
      intervals: [{ start: '08:00', end: '10:00' }],
    },
  ],
};
const calendar = compileCalendar(unit, [PROVINCE_CALENDAR]);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FROM = Date.parse('2024-01-01T00:00:00+07:00');
const NEAR_DAYS = 11 * 365;
const FAR_FROM = Date.parse('2000-01-01T00:00:00+07:00');
const FAR_TO = Date.parse('2099-06-01T00:00:00+07:00');
const MAX_WORKING_TIME = 60 * 7.5 * HOUR;

// Mostly quarter-hours, which hit interval bounds exactly; sometimes any millisecond of a
// century.
const instant = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: NEAR_DAYS }), fc.integer({ min: 0, max: 95 }))
    .map(([day, quarter]) => new Date(FROM + day * DAY + quarter * 15 * 60_000)),
  fc.integer({ min: FROM, max: FROM + NEAR_DAYS * DAY }).map((ms) => new Date(ms)),
  fc.integer({ min: FAR_FROM, max: FAR_TO }).map((ms) => new Date(ms)),
);
const workingTime = fc
  .oneof(
    fc.integer({ min: 1, max: 60 * 450 }).map((minutes) => minutes * 60_000),
    fc.integer({ min: 1, max: MAX_WORKING_TIME }),
  )
  .map((ms): SlaDuration => ({ kind: 'working_time', ms }));
const workingDays = fc
  .integer({ min: 1, max: 60 })
  .map((days): SlaDuration => ({ kind: 'working_days', days }));
const duration = fc.oneof(workingTime, workingDays);

describe('working time properties', () => {
  it.prop([instant, workingTime], { numRuns: 500 })(
    'measures back exactly what it adds',
    (start, d) => {
      const deadline = calendar.addWorkingDuration(start, d);
      expect(calendar.workingDurationBetween(start, deadline)).toBe(
        d.kind === 'working_time' && d.ms,
      );
    },
  );

  it.prop([instant, workingTime, workingTime])('is monotonic in the duration', (start, a, b) => {
    const [short, long] = durationsInOrder(a, b);
    expect(calendar.addWorkingDuration(start, short).getTime()).toBeLessThanOrEqual(
      calendar.addWorkingDuration(start, long).getTime(),
    );
  });

  it.prop([instant, instant, duration])('is monotonic in the start', (a, b, d) => {
    const [early, late] = a <= b ? [a, b] : [b, a];
    expect(calendar.addWorkingDuration(early, d).getTime()).toBeLessThanOrEqual(
      calendar.addWorkingDuration(late, d).getTime(),
    );
  });

  it.prop([instant, workingDays, workingDays])('is monotonic in working days', (start, a, b) => {
    const [short, long] = durationsInOrder(a, b);
    expect(calendar.addWorkingDuration(start, short).getTime()).toBeLessThanOrEqual(
      calendar.addWorkingDuration(start, long).getTime(),
    );
  });

  it.prop([instant, workingDays])(
    'ends PnD at a close of business n working days after receipt',
    (start, d) => {
      const deadline = calendar.addWorkingDuration(start, d);
      const before = new Date(deadline.getTime() - 1);
      expect(calendar.isWorkingTime(before) && !calendar.isWorkingTime(deadline)).toBe(true);
      const receipt = calendar.localDate(start);
      const due = calendar.localDate(deadline);
      const worked = calendar
        .workingDays(receipt, due)
        .filter((day) => day.isWorking && day.date !== receipt);
      expect(worked.length).toBe(d.kind === 'working_days' && d.days);
      expect(worked.at(-1)?.date).toBe(due);
    },
  );

  it.prop([
    instant,
    duration,
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ])('moves the deadline by exactly the working time of a pause before it', (start, d, x, y) => {
    const deadline = calendar.addWorkingDuration(start, d);
    const span = deadline.getTime() - start.getTime();
    const [p, q] = x <= y ? [x, y] : [y, x];
    const pause: Pause = {
      from: new Date(start.getTime() + Math.floor(p * span)),
      to: new Date(start.getTime() + Math.floor(q * span)),
    };
    const paused = calendar.workingDurationBetween(pause.from, pause.to);
    const moved = calendar.addWorkingDuration(start, d, [pause]);
    expect(calendar.workingDurationBetween(deadline, moved)).toBe(paused);
    if (paused === 0) expect(moved).toEqual(deadline);
    if (d.kind === 'working_time') {
      expect(calendar.workingDurationBetween(start, moved, [pause])).toBe(d.ms);
    }
  });

  it.prop([instant, fc.integer({ min: 1, max: 4 * HOUR })])(
    'agrees with isWorkingTime over small windows',
    (at, width) => {
      const end = new Date(at.getTime() + width);
      const worked = calendar.workingDurationBetween(at, end);
      const working = calendar.isWorkingTime(at);
      expect(working).toBe(calendar.workingDurationBetween(at, new Date(at.getTime() + 1)) === 1);
      if (worked === width) expect(working).toBe(true);
      if (worked === 0) expect(working).toBe(false);
    },
  );
});

function durationsInOrder(a: SlaDuration, b: SlaDuration): [SlaDuration, SlaDuration] {
  const size = (d: SlaDuration): number => (d.kind === 'working_time' ? d.ms : d.days);
  return size(a) <= size(b) ? [a, b] : [b, a];
}

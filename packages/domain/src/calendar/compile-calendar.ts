import { TZDateMini } from '@date-fns/tz';
import type {
  CalendarSpec,
  DayInfo,
  Pause,
  ResolvedCalendarSpec,
  SlaDuration,
  WorkingCalendar,
} from './calendar.types.js';
import { CalendarTable } from './calendar-table.js';
import { createCalendarYearBuilder } from './calendar-year.js';
import { formatDayNumber, parseLocalDate, yearOf } from './local-date.js';
import { resolveCalendarSpec } from './resolve-calendar-spec.js';
import {
  addCalendarDays,
  addWorkingDays,
  addWorkingTime,
  isWorkingInstant,
  workingTimeBetween,
} from './working-time.js';

const NO_PAUSES: readonly Pause[] = [];

/**
 * Compiles a calendar with its ancestors (root first, e.g. `[PROVINCE_CALENDAR]`) into fast
 * queries. Years are laid out on first use and kept, so the calendar is cheap to build and
 * worth keeping; it answers for 1970–2199 and throws RangeError outside.
 *
 * Durations: working time (PTnH, PTnM) is added exactly, counting only working intervals; a
 * start outside them counts from the next working instant, and a deadline reached at the end
 * of an interval stays there (Friday 16:30 + PT2H = Monday 09:00; 11:00 + PT1H = 14:00).
 * Working days (PnD) end at the close of business of the n-th working day after the day of
 * receipt; pauses extend that deadline by the working time they hold.
 */
export function compileCalendar(
  spec: CalendarSpec,
  ancestors: readonly CalendarSpec[] = [],
): WorkingCalendar {
  return compileResolvedCalendar(resolveCalendarSpec(spec, ancestors));
}

/** Compiles a calendar whose inheritance is already resolved. */
export function compileResolvedCalendar(calendar: ResolvedCalendarSpec): WorkingCalendar {
  const table = new CalendarTable(createCalendarYearBuilder(calendar));
  const { timeZone } = calendar;

  const infoOf = (day: number): DayInfo => {
    const info = table.infos[day - table.firstDay];
    if (!info) throw new RangeError(`no such day: ${formatDayNumber(day)}`);
    // A copy, so a caller editing it cannot change the calendar.
    return { ...info };
  };

  return {
    id: calendar.id,
    timeZone,
    localDate(at) {
      const ms = at.getTime();
      if (ms >= table.start && ms < table.end) {
        return formatDayNumber(table.firstDay + table.dayIndexAt(ms));
      }
      if (Number.isNaN(ms)) throw new RangeError('invalid date');
      // Outside the years laid out so far: ask the zone rather than lay out years for it.
      const local = new TZDateMini(ms, timeZone);
      const month = String(local.getMonth() + 1).padStart(2, '0');
      const date = String(local.getDate()).padStart(2, '0');
      return `${String(local.getFullYear()).padStart(4, '0')}-${month}-${date}`;
    },
    isWorkingTime: (at) => isWorkingInstant(table, at.getTime()),
    addWorkingDuration(start, duration, pauses = NO_PAUSES) {
      return new Date(
        duration.kind === 'working_time'
          ? addWorkingTime(table, start.getTime(), duration.ms, pauses)
          : addWorkingDays(table, start.getTime(), duration.days, pauses),
      );
    },
    workingDurationBetween: (a, b, pauses = NO_PAUSES) =>
      workingTimeBetween(table, a.getTime(), b.getTime(), pauses),
    workingDays(from, to) {
      const first = parseLocalDate(from);
      const last = parseLocalDate(to);
      if (last < first) return [];
      table.coverYears(yearOf(first), yearOf(last));
      const days: DayInfo[] = [];
      for (let day = first; day <= last; day++) days.push(infoOf(day));
      return days;
    },
    dayInfo(date) {
      const day = parseLocalDate(date);
      table.coverYears(yearOf(day), yearOf(day));
      return infoOf(day);
    },
    addCalendarDuration(start: Date, duration: SlaDuration) {
      const ms = start.getTime();
      if (Number.isNaN(ms)) throw new RangeError('invalid date');
      return new Date(
        duration.kind === 'working_time'
          ? ms + duration.ms
          : addCalendarDays(table, ms, duration.days),
      );
    },
  };
}

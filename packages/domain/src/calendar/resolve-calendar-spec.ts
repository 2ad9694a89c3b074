import {
  DEFAULT_HOLIDAY_RULES,
  DEFAULT_TIME_ZONE,
  DEFAULT_WEEKLY_PATTERN,
} from './calendar-defaults.js';
import type {
  CalendarOverride,
  CalendarSpec,
  HolidayRules,
  ResolvedCalendarSpec,
  WeeklyPattern,
} from './calendar.types.js';
import { parseWorkingIntervals } from './clock-time.js';
import { parseLocalDate } from './local-date.js';

/**
 * Resolves a calendar against its ancestors (root first): time zone and weekly pattern from
 * the nearest calendar defining them, each holiday rule likewise, overrides merged with the
 * nearest calendar winning per date. Throws RangeError on an invalid or mislinked chain.
 */
export function resolveCalendarSpec(
  spec: CalendarSpec,
  ancestors: readonly CalendarSpec[] = [],
): ResolvedCalendarSpec {
  const chain = [...ancestors, spec];
  chain.forEach((link, i) => {
    const parent = chain[i - 1];
    if (parent && link.parentId !== parent.id) {
      throw new RangeError(`calendar ${link.id} is not a child of ${parent.id}`);
    }
  });
  let timeZone = DEFAULT_TIME_ZONE;
  let weekly: WeeklyPattern = DEFAULT_WEEKLY_PATTERN;
  let holidays: HolidayRules = DEFAULT_HOLIDAY_RULES;
  const overrides = new Map<string, CalendarOverride>();
  for (const link of chain) {
    timeZone = link.timeZone ?? timeZone;
    weekly = link.weekly ?? weekly;
    holidays = { ...holidays, ...definedRules(link.holidays) };
    const ownDates = new Set<string>();
    for (const override of link.overrides ?? []) {
      if (ownDates.has(override.date)) {
        throw new RangeError(`calendar ${link.id} overrides ${override.date} twice`);
      }
      ownDates.add(override.date);
      overrides.set(override.date, override);
    }
  }
  const resolved: ResolvedCalendarSpec = {
    id: spec.id,
    timeZone,
    weekly,
    holidays,
    overrides: [...overrides.values()].sort((a, b) => (a.date < b.date ? -1 : 1)),
  };
  validate(resolved);
  return resolved;
}

// A stored `{ tetDaysFrom: undefined }` must not erase the parent's value.
function definedRules(rules: Partial<HolidayRules> | undefined): Partial<HolidayRules> {
  const defined: Partial<HolidayRules> = {};
  for (const [key, value] of Object.entries(rules ?? {})) {
    if (value !== undefined) Object.assign(defined, { [key]: value });
  }
  return defined;
}

function validate(calendar: ResolvedCalendarSpec): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: calendar.timeZone });
  } catch {
    throw new RangeError(`unknown time zone: ${calendar.timeZone}`);
  }
  if (calendar.weekly.length !== 7) throw new RangeError('a weekly pattern has seven days');
  calendar.weekly.forEach((day) => parseWorkingIntervals(day));
  const { tetDaysBefore, tetDaysFrom } = calendar.holidays;
  // Bounds keep Tết inside its own season, well clear of the next year's holidays.
  if (!isCount(tetDaysBefore, 10) || !isCount(tetDaysFrom, 15)) {
    throw new RangeError('Tết days must be whole numbers (at most 10 before, 15 from)');
  }
  for (const override of calendar.overrides) {
    parseLocalDate(override.date);
    if (override.intervals) parseWorkingIntervals(override.intervals);
    if (override.kind === 'working' && override.intervals?.length === 0) {
      throw new RangeError(`a worked date needs working hours: ${override.date}`);
    }
  }
}

function isCount(value: number, max: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= max;
}

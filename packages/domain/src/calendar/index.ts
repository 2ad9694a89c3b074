export type * from './calendar.types.js';
export {
  DEFAULT_HOLIDAY_RULES,
  DEFAULT_TIME_ZONE,
  DEFAULT_WEEKLY_PATTERN,
  PROVINCE_CALENDAR,
} from './calendar-defaults.js';
export { FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR } from './calendar-table.js';
export { compileCalendar, compileResolvedCalendar } from './compile-calendar.js';
export { formatIsoDuration, parseIsoDuration } from './iso-duration.js';
export { resolveCalendarSpec } from './resolve-calendar-spec.js';
export { HOLIDAY_LABELS } from './vietnamese-holidays.js';

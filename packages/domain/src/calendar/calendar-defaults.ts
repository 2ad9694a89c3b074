import type {
  CalendarSpec,
  HolidayRules,
  WeeklyPattern,
  WorkingInterval,
} from './calendar.types.js';

/** The zone of every Vietnamese administration; a calendar may name another. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const OFFICE_HOURS: readonly WorkingInterval[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

/** Monday–Friday 07:30–11:30 and 13:30–17:00; Saturday and Sunday off. */
export const DEFAULT_WEEKLY_PATTERN: WeeklyPattern = [
  [],
  OFFICE_HOURS,
  OFFICE_HOURS,
  OFFICE_HOURS,
  OFFICE_HOURS,
  OFFICE_HOURS,
  [],
];

/** The public holidays of the Labour Code as the civil service takes them. */
export const DEFAULT_HOLIDAY_RULES: HolidayRules = {
  enabled: true,
  tetDaysBefore: 1,
  tetDaysFrom: 4,
  nationalDayExtra: 'before',
  compensatoryDays: true,
};

/** The province's own calendar, root of every unit's; id `default`. */
export const PROVINCE_CALENDAR: CalendarSpec = {
  id: 'default',
  name: 'Lịch làm việc của tỉnh',
  parentId: null,
  timeZone: DEFAULT_TIME_ZONE,
  weekly: DEFAULT_WEEKLY_PATTERN,
  holidays: DEFAULT_HOLIDAY_RULES,
  overrides: [],
};

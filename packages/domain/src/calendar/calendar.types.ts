/**
 * Working calendars: the shapes shared by the calendar engine, the SLA engine, the database and
 * the API. Times are instants (Date, UTC inside); dates are local calendar dates 'YYYY-MM-DD'
 * in the calendar's time zone; clock times are local 'HH:MM'.
 */

/** A local working interval within a day, e.g. { start: '07:30', end: '11:30' }. */
export interface WorkingInterval {
  start: string;
  end: string;
}

/** Working intervals per weekday, 0 = Sunday … 6 = Saturday; an empty list is a day off. */
export type WeeklyPattern = readonly [
  readonly WorkingInterval[],
  readonly WorkingInterval[],
  readonly WorkingInterval[],
  readonly WorkingInterval[],
  readonly WorkingInterval[],
  readonly WorkingInterval[],
  readonly WorkingInterval[],
];

/** An administrator's decision for one date: worked (e.g. a Saturday swapped) or a day off. */
export interface CalendarOverride {
  date: string;
  kind: 'working' | 'day_off';
  note: string;
  /** For 'working': the intervals worked; default the pattern of an ordinary Monday. */
  intervals?: readonly WorkingInterval[];
}

/** Which built-in Vietnamese public holidays apply, and their adjustable parts. */
export interface HolidayRules {
  /** Off by default only for special calendars (e.g. a 24/7 call centre). */
  enabled: boolean;
  /** Tết: days off before lunar new year's day (default 1: the last day of the lunar year). */
  tetDaysBefore: number;
  /** Tết: days off from lunar new year's day on, that day included (default 4). */
  tetDaysFrom: number;
  /** The day added to National Day, 2 September: 1 September ('before', default) or 3 ('after'). */
  nationalDayExtra: 'before' | 'after';
  /** A holiday on a non-working weekday gives the next free working day off (default true). */
  compensatoryDays: boolean;
}

/** A calendar as stored and edited. Unset parts are inherited from the parent calendar. */
export interface CalendarSpec {
  id: string;
  name: string;
  parentId: string | null;
  timeZone?: string;
  weekly?: WeeklyPattern;
  holidays?: Partial<HolidayRules>;
  /** Merged with the parent's; for the same date the child's wins. */
  overrides?: readonly CalendarOverride[];
}

/** A calendar with its inheritance applied: what the engine compiles. */
export interface ResolvedCalendarSpec {
  id: string;
  timeZone: string;
  weekly: WeeklyPattern;
  holidays: HolidayRules;
  /** One per date, ordered by date; a child's override replaces its ancestors' for that date. */
  overrides: readonly CalendarOverride[];
}

/** Why a date is or is not worked. */
export type DayReason = 'working_day' | 'weekend' | 'holiday' | 'compensatory_day' | 'override';

export interface DayInfo {
  date: string;
  isWorking: boolean;
  reason: DayReason;
  /** Holiday name (Vietnamese), or the override's note. */
  label?: string;
  intervals: readonly WorkingInterval[];
}

/** A period during which a clock does not run (e.g. awaiting the citizen), [from, to). */
export interface Pause {
  from: Date;
  to: Date;
}

/**
 * A duration as policies state it. `working_time` counts only working intervals (PTnH, PTnM);
 * `working_days` ends at the close of business of the n-th working day after the day of
 * receipt (PnD). Calendar-day counting is handled by `addCalendarDuration`.
 */
export type SlaDuration =
  { kind: 'working_time'; ms: number } | { kind: 'working_days'; days: number };

/** A compiled calendar: fast, pure queries. */
export interface WorkingCalendar {
  readonly id: string;
  readonly timeZone: string;
  /** The local calendar date ('YYYY-MM-DD') of an instant in this calendar's zone. */
  localDate(at: Date): string;
  isWorkingTime(at: Date): boolean;
  /** The deadline `duration` after `start`, not counting time inside `pauses`. */
  addWorkingDuration(start: Date, duration: SlaDuration, pauses?: readonly Pause[]): Date;
  /** Working milliseconds in [a, b), not counting time inside `pauses`; 0 when b ≤ a. */
  workingDurationBetween(a: Date, b: Date, pauses?: readonly Pause[]): number;
  /** Every date from `from` to `to` inclusive ('YYYY-MM-DD'), with why it is worked or not. */
  workingDays(from: string, to: string): DayInfo[];
  dayInfo(date: string): DayInfo;
  /**
   * Calendar-day counting (the laws on complaints and denunciations): PnD ends at the close of
   * business of the n-th calendar day after the day of receipt, moved to the close of the next
   * working day when that day is off; working_time is added as wall-clock time.
   */
  addCalendarDuration(start: Date, duration: SlaDuration): Date;
}

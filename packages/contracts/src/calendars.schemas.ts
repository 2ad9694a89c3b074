import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

const DATE = SafeString({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'Local date, YYYY-MM-DD',
});
const CLOCK = SafeString({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$',
  description: 'Local time, HH:MM',
});
const CALENDAR_ID = SafeString({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 });

export const WorkingIntervalSchema = Type.Object(
  { start: CLOCK, end: CLOCK },
  { additionalProperties: false },
);
const Intervals = Type.Array(WorkingIntervalSchema, { maxItems: 6 });

export const CalendarIdParams = Type.Object({ id: CALENDAR_ID });

export const CalendarList = Type.Object({
  calendars: Type.Array(
    Type.Object({
      id: SafeString(),
      name: SafeString(),
      parentId: Type.Union([SafeString(), Type.Null()]),
    }),
  ),
});
export type CalendarList = Static<typeof CalendarList>;

export const DaysQuery = Type.Object({ from: DATE, to: DATE }, { additionalProperties: false });

const DayInfoSchema = Type.Object({
  date: SafeString(),
  isWorking: Type.Boolean(),
  reason: Type.Union(
    [
      Type.Literal('working_day'),
      Type.Literal('weekend'),
      Type.Literal('holiday'),
      Type.Literal('compensatory_day'),
      Type.Literal('override'),
    ],
    { description: 'Why the date is (not) worked' },
  ),
  label: Type.Optional(SafeString({ description: 'Holiday name or the override note' })),
  intervals: Type.Array(WorkingIntervalSchema),
});

export const DaysResponse = Type.Object({
  calendarId: SafeString(),
  timeZone: SafeString(),
  days: Type.Array(DayInfoSchema),
});
export type DaysResponse = Static<typeof DaysResponse>;

export const DeadlineQuery = Type.Object(
  {
    from: SafeString({
      maxLength: 40,
      description: 'ISO 8601 instant with offset, e.g. 2027-02-06T09:00:00+07:00',
    }),
    duration: SafeString({
      minLength: 3,
      maxLength: 20,
      description:
        'ISO 8601 duration. PTnH / PTnM: n working hours / minutes added exactly. PnD: the close of business of the n-th working day after the day of receipt (that day not counted, whatever the hour).',
    }),
    unit: Type.Optional(
      Type.Union([Type.Literal('working'), Type.Literal('calendar')], {
        description:
          'working (default) counts the working calendar; calendar counts calendar days (PnD ends at the close of the n-th day after the day of receipt, moved to the next working day’s close if that day is off)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type DeadlineQuery = Static<typeof DeadlineQuery>;

export const DeadlineResponse = Type.Object({
  deadline: SafeString({ description: 'ISO 8601 instant with the calendar’s offset' }),
});

const WEEKLY = Type.Array(Intervals, {
  minItems: 7,
  maxItems: 7,
  description: 'Working intervals per weekday, Sunday first',
});
const HOLIDAYS = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean()),
    tetDaysBefore: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    tetDaysFrom: Type.Optional(Type.Integer({ minimum: 1, maximum: 15 })),
    nationalDayExtra: Type.Optional(Type.Union([Type.Literal('before'), Type.Literal('after')])),
    compensatoryDays: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** Admin: create or replace a calendar. Omitted settings are inherited from the parent. */
export const CalendarBody = Type.Object(
  {
    name: SafeString({ minLength: 1, maxLength: 200 }),
    parentId: Type.Optional(Type.Union([CALENDAR_ID, Type.Null()])),
    timeZone: Type.Optional(SafeString({ minLength: 1, maxLength: 64 })),
    weekly: Type.Optional(WEEKLY),
    holidays: Type.Optional(HOLIDAYS),
  },
  { additionalProperties: false },
);
export type CalendarBody = Static<typeof CalendarBody>;
export const CreateCalendarBody = Type.Object(
  { id: CALENDAR_ID, ...CalendarBody.properties },
  { additionalProperties: false },
);

export const CalendarDetail = Type.Object({
  id: SafeString(),
  name: SafeString(),
  parentId: Type.Union([SafeString(), Type.Null()]),
  timeZone: Type.Union([SafeString(), Type.Null()]),
  weekly: Type.Union([WEEKLY, Type.Null()]),
  holidays: Type.Union([HOLIDAYS, Type.Null()]),
  overrides: Type.Array(
    Type.Object({
      date: SafeString(),
      kind: SafeString(),
      note: SafeString(),
      intervals: Type.Optional(Intervals),
    }),
  ),
});

export type CalendarDetail = Static<typeof CalendarDetail>;

export const OverrideParams = Type.Object({ id: CALENDAR_ID, date: DATE });
export const OverrideBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('working'), Type.Literal('day_off')]),
    note: SafeString({ minLength: 1, maxLength: 500 }),
    intervals: Type.Optional(Intervals),
  },
  { additionalProperties: false },
);
export type OverrideBody = Static<typeof OverrideBody>;

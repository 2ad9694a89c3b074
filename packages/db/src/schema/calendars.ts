import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { HolidayRules, WeeklyPattern, WorkingInterval } from '@hotline/domain';

/**
 * Working calendars. A null column is inherited from the parent calendar; the province
 * calendar `default` (created by the migrations) has no parent, so its nulls mean the
 * built-in defaults (Monday–Friday 07:30–11:30, 13:30–17:00, Vietnamese public holidays).
 */
export const calendars = pgTable('calendars', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  parentId: text('parent_id').references((): AnyPgColumn => calendars.id),
  timeZone: text('time_zone'),
  weekly: jsonb('weekly').$type<WeeklyPattern>(),
  holidays: jsonb('holidays').$type<Partial<HolidayRules>>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The government's yearly schedule and local decisions: a date worked or given off. */
export const calendarOverrides = pgTable(
  'calendar_overrides',
  {
    calendarId: text('calendar_id')
      .notNull()
      .references(() => calendars.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['working', 'day_off'] }).notNull(),
    note: text('note').notNull(),
    intervals: jsonb('intervals').$type<WorkingInterval[]>(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.calendarId, t.date] })],
);

/**
 * Bumped by every calendar change, so processes can cache compiled calendars and still see
 * a change at once (one cheap read per use).
 */
export const calendarRevision = pgTable(
  'calendar_revision',
  {
    id: boolean('id').primaryKey().default(true),
    revision: integer('revision').notNull().default(0),
  },
  (t) => [check('calendar_revision_single_row', sql`${t.id}`)],
);

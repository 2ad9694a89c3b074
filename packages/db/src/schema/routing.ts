import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Channel, Priority } from '@hotline/domain';
import { adminUnits, officials } from './organisation.js';

/** What a routing rule looks at; every given condition must hold (an empty rule matches all). */
export interface RoutingConditions {
  hotlineIds?: string[];
  channels?: Channel[];
  categoryIds?: string[];
  /** The case's commune lies in one of these units (the unit itself or below it). */
  locationUnitIds?: string[];
  /** Whole words or phrases, matched without diacritics ("dat dai" matches "đất đai"). */
  words?: string[];
  priorities?: Priority[];
}

export const ASSIGNMENT_STRATEGIES = ['unit_queue', 'round_robin', 'least_open', 'named'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

/** Ordered routing rules: the first active rule that matches a case decides its unit. */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    conditions: jsonb('conditions').$type<RoutingConditions>().notNull(),
    targetUnitId: uuid('target_unit_id')
      .notNull()
      .references(() => adminUnits.id),
    strategy: text('strategy', { enum: ASSIGNMENT_STRATEGIES }).notNull().default('unit_queue'),
    namedOfficialId: uuid('named_official_id').references(() => officials.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('routing_rules_active_position_idx')
      .on(t.position)
      .where(sql`${t.isActive}`),
  ],
);

/**
 * One row per unit that assigns by strategy: the round-robin counter (an atomic increment
 * makes concurrent assigners fair) and the row a least-open assigner locks.
 */
export const assignmentCursors = pgTable('assignment_cursors', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => adminUnits.id),
  counter: bigint('counter', { mode: 'number' }).notNull().default(0),
});

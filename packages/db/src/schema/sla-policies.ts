import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { SlaTarget } from '@hotline/domain';
import { caseType, priority } from './enums.js';
import { categories } from './organisation.js';

/** SLA policies per case type × category × priority (null = any). */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseType: caseType('case_type').notNull(),
    categoryId: uuid('category_id').references(() => categories.id),
    priority: priority('priority'),
    acceptance: jsonb('acceptance').$type<SlaTarget>().notNull(),
    firstResponse: jsonb('first_response').$type<SlaTarget>().notNull(),
    resolution: jsonb('resolution').$type<SlaTarget>().notNull(),
    resolutionComplex: jsonb('resolution_complex').$type<SlaTarget>(),
    resolutionFrom: text('resolution_from', { enum: ['receipt', 'acceptance'] }).notNull(),
    warningFraction: real('warning_fraction').notNull().default(0.75),
    maxExtensions: integer('max_extensions').notNull().default(0),
    maxExtensionsComplex: integer('max_extensions_complex').notNull().default(0),
    maxExtension: jsonb('max_extension').$type<SlaTarget>(),
    escalation: jsonb('escalation')
      .$type<{ rung2After: SlaTarget; rung3After: SlaTarget }>()
      .notNull(),
    transferResetsDeadline: boolean('transfer_resets_deadline').notNull().default(false),
    maxTransfers: integer('max_transfers').notNull().default(3),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('sla_policies_scope_uq').on(t.caseType, t.categoryId, t.priority).nullsNotDistinct(),
    check(
      'sla_policies_warning_fraction',
      sql`${t.warningFraction} > 0 and ${t.warningFraction} < 1`,
    ),
  ],
);

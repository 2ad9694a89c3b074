import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { adminUnits, categories, officials } from './organisation.js';

/**
 * Prepared texts for the reply, request-information and resolve forms, per unit (null: every
 * unit, administrators only) and category (null: any). Placeholders such as `{ma_phan_anh}` are
 * filled per case by the domain's fillTemplate.
 */
export const replyTemplates = pgTable(
  'reply_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').references(() => adminUnits.id),
    categoryId: uuid('category_id').references(() => categories.id),
    /** Which form offers it: reply, request-information or resolve. */
    purpose: text('purpose').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdBy: uuid('created_by').references(() => officials.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'reply_templates_purpose',
      sql`${t.purpose} in ('reply', 'request-information', 'resolve')`,
    ),
    index('reply_templates_unit_idx').on(t.unitId, t.purpose),
  ],
);

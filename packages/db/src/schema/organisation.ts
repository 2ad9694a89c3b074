import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { calendars } from './calendars.js';
import { officialRole, unitKind } from './enums.js';

/** Administrative units: a tree of any depth (province → department / district → commune). */
export const adminUnits = pgTable(
  'admin_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** The name on English pages; null: the Vietnamese name is shown there too. */
    nameEn: text('name_en'),
    kind: unitKind('kind').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => adminUnits.id),
    /** The province triage unit takes cases no hotline or rule claims; at most one. */
    isTriage: boolean('is_triage').notNull().default(false),
    /** A handler's resolution waits for a leader of the unit to approve it. */
    resolutionNeedsApproval: boolean('resolution_needs_approval').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    /** A drill (diễn tập): hidden from citizens and left out of reports unless asked for. */
    isDrill: boolean('is_drill').notNull().default(false),
    /** The unit's working calendar; null: its parent unit's, and at the root the province's. */
    calendarId: text('calendar_id').references(() => calendars.id),
    /** Set when the unit was merged into another; its open cases moved there. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => adminUnits.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('admin_units_parent_idx').on(t.parentId),
    uniqueIndex('admin_units_one_triage_idx')
      .on(t.isTriage)
      .where(sql`${t.isTriage}`),
  ],
);

export const officials = pgTable(
  'officials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => adminUnits.id),
    fullName: text('full_name').notNull(),
    email: text('email').notNull().unique(),
    phone: text('phone'),
    title: text('title').notNull().default(''),
    roles: officialRole('roles')
      .array()
      .notNull()
      .default(sql`'{}'`),
    isActive: boolean('is_active').notNull().default(true),
    /** Absent officials (leave, travel) are skipped by assignment strategies. */
    isAbsent: boolean('is_absent').notNull().default(false),
    /** Signs in with this or the e-mail address. */
    username: text('username').unique(),
    /** argon2id (PHC string); null: cannot sign in with a password. */
    passwordHash: text('password_hash'),
    /** Set by an administrator's reset: the next sign-in must choose a new password. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** TOTP secret, encrypted with a key derived from SESSION_SECRET; null: no second factor. */
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** The last TOTP time step accepted (unix seconds / 30): a code is never accepted twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('officials_unit_idx').on(t.unitId),
    // An official without a role can do nothing and is nobody's to route to.
    check('officials_have_a_role', sql`cardinality(${t.roles}) > 0`),
  ],
);

/** Published hotline numbers (đường dây nóng); each has an owner official and unit. */
export const hotlines = pgTable(
  'hotlines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** E.164. */
    number: text('number').notNull().unique(),
    displayNumber: text('display_number').notNull(),
    name: text('name').notNull(),
    /** The name on English pages; null: the Vietnamese name. */
    nameEn: text('name_en'),
    ownerOfficialId: uuid('owner_official_id')
      .notNull()
      .references(() => officials.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => adminUnits.id),
    isActive: boolean('is_active').notNull().default(true),
    /** A drill (diễn tập): hidden from citizens and left out of reports unless asked for. */
    isDrill: boolean('is_drill').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('hotlines_unit_idx').on(t.unitId),
    index('hotlines_owner_idx').on(t.ownerOfficialId),
  ],
);

/** Categories (lĩnh vực) a case is filed under. */
export const categories = pgTable('categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** The name and description on English pages and API answers; null: the Vietnamese ones. */
  nameEn: text('name_en'),
  description: text('description').notNull().default(''),
  descriptionEn: text('description_en'),
  isActive: boolean('is_active').notNull().default(true),
  /** A drill (diễn tập): hidden from citizens and left out of reports unless asked for. */
  isDrill: boolean('is_drill').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
  /** Open311: words apps may search by (comma-separated) and the group the service sits in. */
  keywords: text('keywords').notNull().default(''),
  groupName: text('group_name'),
  /** Open311 service-definition attributes (extra questions); [] when none. */
  attributes: jsonb('attributes').notNull().default([]),
});

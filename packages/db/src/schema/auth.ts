import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { officials } from './organisation.js';

/**
 * Officials' API tokens for integrations and tools (a call-centre softphone logging calls, say):
 * only a SHA-256 of the token is kept, each token has scopes and may be revoked or expire.
 */
export const officialTokens = pgTable('official_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  officialId: uuid('official_id')
    .notNull()
    .references(() => officials.id),
  name: text('name').notNull(),
  tokenPrefix: text('token_prefix').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  scopes: text('scopes').array().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});

/** Every sign-in, failure, lockout, sign-out and credential change, for audit. */
export const authEvents = pgTable(
  'auth_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Null when the identifier matched nobody. */
    officialId: uuid('official_id').references(() => officials.id),
    /** sign_in | sign_in_failed | locked | sign_out | session_revoked | totp_enabled | password_reset | … */
    kind: text('kind').notNull(),
    /** What was typed as the login (officials' work addresses, not citizens' data). */
    identifier: text('identifier'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** Who did it when it is not the official (an administrator's reset). */
    byOfficialId: uuid('by_official_id').references(() => officials.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('auth_events_official_idx').on(t.officialId, t.at),
    // Failures of logins that match nobody, counted like an account's (no lockout tells).
    index('auth_events_unknown_login_idx')
      .on(sql`lower(${t.identifier})`, t.at)
      .where(sql`${t.officialId} is null`),
  ],
);

/** Each time an official was shown a citizen's phone, name, e-mail or address. */
export const personalDataViews = pgTable(
  'personal_data_views',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    officialId: uuid('official_id')
      .notNull()
      .references(() => officials.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** Which fields were shown, e.g. {phone,name}. */
    fields: text('fields').array().notNull(),
    /** Where: case_detail | queue | export … */
    context: text('context').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('personal_data_views_case_idx').on(t.caseId, t.at),
    index('personal_data_views_official_idx').on(t.officialId, t.at),
  ],
);

/**
 * What administrators changed (units, officials, hotlines, categories, rules, policies,
 * calendars, merges): who, when, what, and the values before and after.
 */
export const adminAudit = pgTable(
  'admin_audit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The administrator; null only for commands run on the server (seeding, the CLI). */
    officialId: uuid('official_id').references(() => officials.id),
    /** e.g. unit.create, unit.merge, official.roles, hotline.update */
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('admin_audit_entity_idx').on(t.entity, t.entityId, t.at)],
);

/**
 * One-time recovery codes for an official's second factor (a lost or broken phone): only a
 * SHA-256 of each code is kept, each works once, and a new set (or a reset) replaces the old.
 */
export const totpRecoveryCodes = pgTable(
  'totp_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officialId: uuid('official_id')
      .notNull()
      .references(() => officials.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('totp_recovery_codes_official_code_idx').on(t.officialId, t.codeHash)],
);

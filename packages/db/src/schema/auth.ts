import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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

import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The first answer to a create request sent with an `Idempotency-Key`, written in the same
 * transaction as what it created, so that a retry after an uncertain answer (a 503, a lost
 * connection) gets that answer back instead of creating twice. Nothing here reads in plain
 * text: the key is kept as a hash, the body as a hash, and the answer encrypted with a key
 * derived from the idempotency key (it may hold a case's secret owner token). Rows older than
 * a day are ignored and pruned.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** The route (e.g. `POST /v1/cases`). */
    scope: text('scope').notNull(),
    /** SHA-256 (hex) of the caller (when there is one) and the key. */
    keyHash: text('key_hash').notNull(),
    /** HMAC-SHA256 (hex) of the request's payload, keyed by the idempotency key. */
    fingerprint: text('fingerprint').notNull(),
    statusCode: integer('status_code').notNull(),
    /** AES-256-GCM of the answer's JSON body: base64 of IV, tag and ciphertext. */
    response: text('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.keyHash] }),
    index('idempotency_keys_created_at_idx').on(t.createdAt),
  ],
);

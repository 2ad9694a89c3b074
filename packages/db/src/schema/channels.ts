import {
  bigint,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { hotlines, officials } from './organisation.js';

/**
 * Keys of third-party apps (Open311 clients, integrations): only a SHA-256 of the key is kept;
 * the key itself is shown once, when an administrator issues it. Revoked keys stay for audit.
 */
export const apiKeys = pgTable('api_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** The first characters of the key, to recognise it in lists. */
  keyPrefix: text('key_prefix').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  scopes: text('scopes').array().notNull().default(['open311']),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});

/**
 * Every SMS that reached a hotline, once per provider message id (gateways retry): what it
 * became (a new case, joined to a recent one, a command, refused) and the answer given, so a
 * retried delivery gets the same answer and creates nothing.
 */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    provider: text('provider').notNull(),
    providerMessageId: text('provider_message_id').notNull(),
    /** E.164 of the sender. */
    fromPhone: text('from_phone').notNull(),
    /** The number written to, as received (E.164 when it parses). */
    toNumber: text('to_number').notNull(),
    hotlineId: uuid('hotline_id').references(() => hotlines.id),
    body: text('body').notNull(),
    /** case | joined | command | blocked | duplicate … */
    outcome: text('outcome').notNull(),
    caseId: uuid('case_id').references(() => cases.id),
    /** The SMS sent back, if any. */
    reply: text('reply'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('inbound_messages_provider_id_key').on(t.provider, t.providerMessageId),
    // The joining window: the latest message from a phone to a hotline.
    index('inbound_messages_sender_idx').on(t.fromPhone, t.toNumber, t.receivedAt),
  ],
);

/** Numbers an administrator has blocked: their messages and submissions are refused. */
export const blockedPhones = pgTable('blocked_phones', {
  /** E.164. */
  phone: text('phone').primaryKey(),
  reason: text('reason').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdByOfficialId: uuid('created_by_official_id').references(() => officials.id),
});

/** A call an operator took and logged as a case. */
export const callLogs = pgTable(
  'call_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .unique()
      .references(() => cases.id),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => officials.id),
    /** E.164 of the caller. */
    callerPhone: text('caller_phone'),
    hotlineId: uuid('hotline_id').references(() => hotlines.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull(),
    recordingUrl: text('recording_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('call_logs_caller_idx').on(t.callerPhone)],
);

/** Files attached to a case: stored by us (web uploads) or linked (MMS, Open311 media_url). */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** web | mms | open311 | call | official */
    source: text('source').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes'),
    sha256: text('sha256'),
    /** Where we keep the bytes (relative to ATTACHMENTS_DIR); null for a link. */
    storageKey: text('storage_key'),
    /** A file kept elsewhere (an MMS media URL, an Open311 media_url). */
    externalUrl: text('external_url'),
    uploadedByOfficialId: uuid('uploaded_by_official_id').references(() => officials.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_case_idx').on(t.caseId)],
);

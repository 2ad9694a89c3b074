import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { officials } from './organisation.js';

export const NOTIFICATION_CHANNELS = ['sms', 'email', 'in_app'] as const;
/**
 * `sending`: a try was recorded before the provider was called and its outcome is not recorded
 * yet (in flight, or the worker crashed or could not write). `unconfirmed`: a `sending` row
 * found later whose provider cannot drop a repeat — it may have gone out, so it is not sent
 * again by itself; administrators see it beside the dead letters and may send it again.
 */
export const NOTIFICATION_STATUSES = [
  'pending',
  'sending',
  'sent',
  'failed',
  'unconfirmed',
  'dead',
] as const;

/**
 * Every message to a citizen or an official. The unique key makes a notification happen at
 * most once per (case, event, template, channel, recipient); `dead` rows are the dead letters
 * administrators review; in-app rows are what an official's console reads.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').references(() => cases.id),
    /** The case event that caused it (its version); 0 for digests and the like. */
    eventVersion: integer('event_version').notNull().default(0),
    template: text('template').notNull(),
    channel: text('channel', { enum: NOTIFICATION_CHANNELS }).notNull(),
    /** 'citizen', an official's id, or a digest key such as 'digest:2026-11-23:<official>'. */
    recipientKey: text('recipient_key').notNull(),
    recipientOfficialId: uuid('recipient_official_id').references(() => officials.id),
    /** Phone or e-mail address: personal data, never logged. */
    address: text('address'),
    locale: text('locale', { enum: ['vi', 'en'] })
      .notNull()
      .default('vi'),
    subject: text('subject'),
    body: text('body').notNull(),
    /** SMS: GSM-7 or UCS-2, and how many segments the text takes. */
    encoding: text('encoding'),
    segments: integer('segments'),
    status: text('status', { enum: NOTIFICATION_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When the latest try was recorded, just before its provider call. */
    attemptedAt: timestamp('attempted_at', { withTimezone: true }),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    unique('notifications_once_uq')
      .on(t.caseId, t.eventVersion, t.template, t.channel, t.recipientKey)
      .nullsNotDistinct(),
    index('notifications_official_inbox_idx').on(t.recipientOfficialId, t.createdAt),
    index('notifications_status_idx').on(t.status, t.createdAt),
    check(
      'notifications_status_known',
      sql`${t.status} in ('pending', 'sending', 'sent', 'failed', 'unconfirmed', 'dead')`,
    ),
  ],
);

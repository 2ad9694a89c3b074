import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { REPORT_FACT_KINDS } from '@hotline/domain';
import { cases } from './cases.js';
import { channel } from './enums.js';

export { REPORT_FACT_KINDS, type ReportFactKind } from '@hotline/domain';

/**
 * What each case contributes to the reports, written with the events that cause it (same
 * transaction), so a report aggregates these rows in SQL instead of folding every history.
 * One row per fact; `seq` is the version of the event behind it (of the event that opened the
 * span, for 'open'; the span with seq 1 starts at receipt). Rebuildable from the history
 * (rebuildReportFacts in core).
 *
 * Each row also carries the case's receipt and the columns reports group and scope by: the
 * unit, assignee and category that held the case when the fact happened (reportFactsOf in the
 * domain), never rewritten afterwards, so a transfer leaves the sender's facts with the
 * sender. A report then reads only the facts of its period, never the cases (joining a
 * quarter's facts to their cases cost more than the whole 500 ms budget at a million cases).
 */
export const caseReportFacts = pgTable(
  'case_report_facts',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: REPORT_FACT_KINDS }).notNull(),
    seq: integer('seq').notNull(),
    /** When it happened; for 'open', when the span began (received or reopened). */
    at: timestamp('at', { withTimezone: true }).notNull(),
    /**
     * 'open': when the case left the open statuses (null while it is open); 'rated': when the
     * citizen's next rating replaced this one (null: the latest).
     */
    until: timestamp('until', { withTimezone: true }),
    /** Working time from receipt in the unit's calendar, time awaiting the citizen excluded. */
    workingMs: bigint('working_ms', { mode: 'number' }),
    /** 'resolved': on or before the resolution deadline in force then; null: none was. */
    isOnTime: boolean('is_on_time'),
    /** 'rated': the citizen's rating. */
    rating: smallint('rating'),
    /** 'resolved': reopened afterwards. */
    wasReopened: boolean('was_reopened').notNull().default(false),
    /** 'open': the resolution deadline in force during the span (overdue at a moment after it). */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** The case's receipt (backlog ages). */
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    // The holding when the fact happened (unit, assignee, category); the case's channel, hotline.
    unitId: uuid('unit_id'),
    assigneeId: uuid('assignee_id'),
    categoryId: uuid('category_id').notNull(),
    channel: channel('channel').notNull(),
    hotlineId: uuid('hotline_id'),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.kind, t.seq] }),
    // Reports read the indexes alone (index-only scans), so every column they aggregate is a
    // key column (drizzle has no INCLUDE): a quarter's rows lie together in the index, spread
    // over a quarter of the table in the heap. Moments of a period, receipts (spans with
    // seq 1), the period's ratings:
    index('case_report_facts_kind_at_idx').on(
      t.kind,
      t.at,
      t.seq,
      t.until,
      t.workingMs,
      t.isOnTime,
      t.wasReopened,
      t.rating,
      t.unitId,
      t.assigneeId,
      t.categoryId,
      t.channel,
      t.hotlineId,
    ),
    // Spans open at a moment: still open (until null), or closed after it.
    index('case_report_facts_open_idx')
      .on(
        t.until,
        t.at,
        t.receivedAt,
        t.dueAt,
        t.unitId,
        t.assigneeId,
        t.categoryId,
        t.channel,
        t.hotlineId,
      )
      .where(sql`${t.kind} = 'open'`),
    check(
      'case_report_facts_kind_check',
      sql`${t.kind} in (${sql.raw(REPORT_FACT_KINDS.map((k) => `'${k}'`).join(', '))})`,
    ),
  ],
);

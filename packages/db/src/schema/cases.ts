import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { PUBLICATION_STATES } from '@hotline/domain';
import { caseStatus, caseType, channel, priority, slaState } from './enums.js';
import { adminUnits, categories, hotlines, officials } from './organisation.js';

/** The current projection of each case, folded from its events (same transaction, version check). */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Public code without the dash, with its check character. */
    trackingCode: text('tracking_code').notNull().unique(),
    type: caseType('type').notNull().default('feedback'),
    channel: channel('channel').notNull(),
    status: caseStatus('status').notNull(),
    priority: priority('priority').notNull().default('normal'),
    hotlineId: uuid('hotline_id').references(() => hotlines.id),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id),
    // Personal data: shown only to officials whose unit owns the case, never logged.
    citizenName: text('citizen_name'),
    citizenPhone: text('citizen_phone'),
    citizenEmail: text('citizen_email'),
    /** The reporter's own address (personal data, hidden with the rest of the contact). */
    citizenAddress: text('citizen_address'),
    isAnonymous: boolean('is_anonymous').notNull().default(false),
    consentToPublish: boolean('consent_to_publish').notNull().default(false),
    text: text('text').notNull(),
    // The text folded once, when written (lower case, no diacritics: "đường" → "duong"):
    // searches and similar-text lookups compare it as stored, instead of folding every row
    // they read (unaccent cost ~25 µs a row: 0.5 s for a search matching 20,000 cases).
    textFolded: text('text_folded').generatedAlwaysAs(sql`hotline_fold(text)`),
    // Where the problem is (commune, address, coordinates): not personal data, shown to every
    // official in scope whoever reported it; never the reporter's own address.
    communeUnitId: uuid('commune_unit_id').references(() => adminUnits.id),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    unitId: uuid('unit_id').references(() => adminUnits.id),
    assigneeId: uuid('assignee_id').references(() => officials.id),
    slaState: slaState('sla_state').notNull().default('on_track'),
    escalationLevel: smallint('escalation_level').notNull().default(0),
    transferCount: smallint('transfer_count').notNull().default(0),
    isComplex: boolean('is_complex').notNull().default(false),
    pendingExtension: jsonb('pending_extension').$type<{ duration: string; reason: string }>(),
    extensionsGranted: smallint('extensions_granted').notNull().default(0),
    mergedIntoId: uuid('merged_into_id'),
    acceptanceDueAt: timestamp('acceptance_due_at', { withTimezone: true }),
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }),
    /**
     * The SLA timers of the current deadline generation: each moment something may happen
     * (warning, deadline, escalation rung). Reconcile rebuilds BullMQ's delayed jobs from it.
     */
    slaTimers: jsonb('sla_timers').$type<{ kind: string; at: string }[]>(),
    /** Bumped whenever deadlines move, so timers of an older generation become no-ops. */
    deadlineGeneration: integer('deadline_generation').notNull().default(0),
    resolutionText: text('resolution_text'),
    satisfaction: smallint('satisfaction'),
    /**
     * Moderation: nothing of a case is public until an official approves a redacted text and
     * answer (and the citizen consented). The approved texts are what is shown, never the
     * originals; who decided and when are also in the case's publication event.
     */
    publicationState: text('publication_state', { enum: PUBLICATION_STATES })
      .notNull()
      .default('pending'),
    publicText: text('public_text'),
    publicAnswer: text('public_answer'),
    /** Why publication was refused. */
    publicationNote: text('publication_note'),
    publicationDecidedBy: uuid('publication_decided_by').references(() => officials.id),
    publicationDecidedAt: timestamp('publication_decided_at', { withTimezone: true }),
    /**
     * SHA-256 of the secret link token given to the citizen at submission: holding the token
     * proves the case is theirs (to add information, rate, reopen or withdraw it).
     */
    ownerTokenHash: text('owner_token_hash'),
    /** Version of the last event folded in; optimistic concurrency for writers. */
    version: integer('version').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  // Intake is the hot path: partial indexes leave out the rows a fresh case would add (no unit,
  // assignee or deadline yet), and the period index is BRIN (cases arrive in time order).
  (t) => [
    // A unit's queue; an official's queue.
    index('cases_unit_status_idx')
      .on(t.unitId, t.status)
      .where(sql`${t.unitId} is not null`),
    index('cases_assignee_status_idx')
      .on(t.assigneeId, t.status)
      .where(sql`${t.assigneeId} is not null`),
    // The queues' first page: a unit's or an official's open cases in deadline order, read
    // from the index in order and stopped at the page size (at a million cases, sorting a
    // unit's 28,000 open cases took seconds per page: measured with bench:officials).
    // status and sla_state ride along so the queue's counts are an index-only scan.
    index('cases_open_unit_due_idx')
      .on(t.unitId, t.resolutionDueAt, t.id, t.status, t.slaState)
      .where(
        sql`${t.unitId} is not null and ${t.status} in ('received', 'triaged', 'assigned', 'in_progress', 'awaiting_citizen', 'reopened')`,
      ),
    // unit_id and hotline_id ride along too: an official's scope is checked in the index.
    index('cases_open_assignee_due_idx')
      .on(t.assigneeId, t.resolutionDueAt, t.id, t.status, t.slaState, t.unitId, t.hotlineId)
      .where(
        sql`${t.assigneeId} is not null and ${t.status} in ('received', 'triaged', 'assigned', 'in_progress', 'awaiting_citizen', 'reopened')`,
      ),
    // Every case in deadline order (the supervisors' queue, searches): a page is read from the
    // index in order and stopped, instead of sorting every match.
    index('cases_due_idx').on(t.resolutionDueAt, t.id),
    // A case page's related cases: recent cases of the same category (similar text is looked
    // for among them) and of the same commune.
    index('cases_category_received_idx').on(t.categoryId, t.receivedAt),
    index('cases_commune_received_idx')
      .on(t.communeUnitId, t.receivedAt)
      .where(sql`${t.communeUnitId} is not null`),
    // Every case sent to a leader's hotline.
    index('cases_hotline_received_idx')
      .on(t.hotlineId, t.receivedAt)
      .where(sql`${t.hotlineId} is not null`),
    // Reports by period.
    index('cases_received_brin').using('brin', t.receivedAt),
    // Overdue and at-risk sweeps look only at open cases with a deadline.
    index('cases_open_due_idx')
      .on(t.resolutionDueAt)
      .where(
        sql`${t.resolutionDueAt} is not null and ${t.status} not in ('resolved', 'closed', 'rejected', 'merged')`,
      ),
    // A citizen's own cases; duplicate spotting.
    index('cases_citizen_phone_idx')
      .on(t.citizenPhone)
      .where(sql`${t.citizenPhone} is not null`),
    check('cases_satisfaction_range', sql`${t.satisfaction} between 1 and 5`),
    check(
      'cases_publication_state',
      sql`${t.publicationState} in ('pending', 'approved', 'refused')`,
    ),
    // The moderation queue: answered cases whose citizen consented, not yet reviewed.
    index('cases_publication_pending_idx')
      .on(t.updatedAt)
      .where(
        sql`${t.publicationState} = 'pending' and ${t.consentToPublish} and ${t.type} <> 'denunciation' and ${t.status} in ('resolved', 'closed')`,
      ),
    // The published answers, newest decision first.
    index('cases_published_idx')
      .on(t.publicationDecidedAt)
      .where(sql`${t.publicationState} = 'approved'`),
  ],
);

/** Append-only history of every case: one row per change, numbered per case. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    version: integer('version').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    actorKind: text('actor_kind', { enum: ['citizen', 'system', 'official'] }).notNull(),
    actorOfficialId: uuid('actor_official_id').references(() => officials.id),
    /** For system actors: which process (e.g. "worker:routing"). */
    actorProcess: text('actor_process'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('case_events_case_version_uq').on(t.caseId, t.version),
    // Reports over a period (events are appended in time order).
    index('case_events_occurred_brin').using('brin', t.occurredAt),
  ],
);

/**
 * Work for the queues, written in the same transaction as the change that causes it. A row
 * is deleted once BullMQ holds its job, so the table stays small and every row is pending.
 */
export const outbox = pgTable('outbox', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  queue: text('queue').notNull(),
  jobName: text('job_name').notNull(),
  /**
   * The BullMQ job id, chosen by the writer from what the job is about (e.g. the case id), so
   * relaying twice enqueues once. Never the row's own id: a sequence restarts with a new or
   * restored database while Redis still remembers old job ids, and the new job would be lost.
   */
  jobId: text('job_id').notNull(),
  payload: jsonb('payload').notNull(),
  /** When the job should run (a delayed job, e.g. an SLA timer); null: at once. */
  runAt: timestamp('run_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Failed relay attempts (Redis unreachable), for monitoring. */
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
});

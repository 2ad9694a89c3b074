import { and, arrayContains, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '@hotline/domain';
import type { Executor } from '../client.js';
import { adminUnits, cases, categories, notifications, officials } from '../schema/index.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotificationRow = typeof notifications.$inferInsert;

// What messages about a case need: its code, names, deadline, and the citizen's contact.
const factColumns = {
  trackingCode: cases.trackingCode,
  channel: cases.channel,
  // Personal data: goes into the notification row's address, never into a log.
  citizenPhone: cases.citizenPhone,
  citizenEmail: cases.citizenEmail,
  isAnonymous: cases.isAnonymous,
  categoryName: categories.name,
  unitName: adminUnits.name,
  resolutionDueAt: cases.resolutionDueAt,
};

function selectFacts(db: Executor, caseIds: readonly string[]) {
  return db
    .select({ caseId: cases.id, ...factColumns })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .leftJoin(adminUnits, eq(adminUnits.id, cases.unitId))
    .where(inArray(cases.id, [...caseIds]));
}

export type CaseNotificationFacts = Omit<Awaited<ReturnType<typeof selectFacts>>[number], 'caseId'>;

/** What messages about several cases need (the changes of a batch), by case id. */
export async function findCasesNotificationFacts(db: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return new Map<string, CaseNotificationFacts>();
  const rows = await selectFacts(db, caseIds);
  return new Map<string, CaseNotificationFacts>(rows.map(({ caseId, ...f }) => [caseId, f]));
}

export interface OfficialContact {
  id: string;
  email: string;
  phone: string | null;
}

const contactColumns = { id: officials.id, email: officials.email, phone: officials.phone };

/** Contacts of active officials among `ids`. */
export async function findOfficialContacts(
  db: Executor,
  ids: readonly string[],
): Promise<OfficialContact[]> {
  if (ids.length === 0) return [];
  return db
    .select(contactColumns)
    .from(officials)
    .where(and(inArray(officials.id, [...ids]), eq(officials.isActive, true)));
}

/**
 * The contact of the official who handles a case, if still there to hear about it (active, and
 * in the case's unit); else the unit's active leaders. Nobody for a case without a unit.
 */
export async function findHandlerOrLeaderContacts(
  db: Executor,
  handlerId: string | null,
  unitId: string | null,
): Promise<OfficialContact[]> {
  if (!unitId) return [];
  if (handlerId) {
    const [handler] = await db
      .select(contactColumns)
      .from(officials)
      .where(
        and(
          eq(officials.id, handlerId),
          eq(officials.isActive, true),
          eq(officials.unitId, unitId),
        ),
      );
    if (handler) return [handler];
  }
  return listUnitLeaderContacts(db, unitId);
}

/** The active leaders of a unit (role unit_leader). */
export async function listUnitLeaderContacts(
  db: Executor,
  unitId: string,
): Promise<OfficialContact[]> {
  return db
    .select(contactColumns)
    .from(officials)
    .where(
      and(
        eq(officials.unitId, unitId),
        eq(officials.isActive, true),
        arrayContains(officials.roles, ['unit_leader']),
      ),
    )
    .orderBy(officials.id);
}

/**
 * Inserts notifications, skipping any that exist for the same (case, event, template, channel,
 * recipient): a notification happens at most once. Returns the rows actually inserted.
 */
export async function insertNotifications(
  tx: Executor,
  rows: readonly NewNotificationRow[],
): Promise<Array<{ id: string; channel: NotificationRow['channel']; status: string }>> {
  if (rows.length === 0) return [];
  return tx
    .insert(notifications)
    .values([...rows])
    .onConflictDoNothing({
      target: [
        notifications.caseId,
        notifications.eventVersion,
        notifications.template,
        notifications.channel,
        notifications.recipientKey,
      ],
    })
    .returning({
      id: notifications.id,
      channel: notifications.channel,
      status: notifications.status,
    });
}

export async function findNotification(db: Executor, id: string): Promise<NotificationRow | null> {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
  return row ?? null;
}

/** The row locked for the rest of the transaction (an administrator's retry). */
export async function lockNotification(tx: Executor, id: string) {
  const [row] = await tx
    .select({
      id: notifications.id,
      status: notifications.status,
      attempts: notifications.attempts,
    })
    .from(notifications)
    .where(eq(notifications.id, id))
    .for('update');
  return row ?? null;
}

/**
 * Records a try before its provider call: the row becomes `sending`, its try counted, with the
 * time and the text about to be sent, only if it is still as the caller read it (status and
 * `attempts`: compare-and-set). Returns false when another delivery got there first.
 */
export async function claimNotificationAttempt(
  db: Executor,
  id: string,
  seen: { status: NotificationRow['status']; attempts: number },
  attempt: { body: string; encoding: string | null; segments: number | null; at: Date },
): Promise<boolean> {
  const { at, ...text } = attempt;
  const rows = await db
    .update(notifications)
    .set({ ...text, status: 'sending', attempts: seen.attempts + 1, attemptedAt: at })
    .where(
      and(
        eq(notifications.id, id),
        eq(notifications.attempts, seen.attempts),
        eq(notifications.status, seen.status),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/**
 * The provider took it. An `unconfirmed` row may be marked too: a delivery that found it
 * `sending` gave up on it while this one was still waiting for the provider's answer.
 */
export async function markNotificationSent(
  db: Executor,
  id: string,
  result: { providerMessageId: string | null; sentAt: Date },
): Promise<void> {
  await db
    .update(notifications)
    .set({ status: 'sent', lastError: null, ...result })
    .where(
      and(eq(notifications.id, id), inArray(notifications.status, ['sending', 'unconfirmed'])),
    );
}

/** A failed try (the one counted as `attempts`): `failed` (tried again) or, after the last, `dead`. */
export async function markNotificationFailed(
  db: Executor,
  id: string,
  failure: { error: string; isDead: boolean; attempts: number },
): Promise<void> {
  await db
    .update(notifications)
    .set({ status: failure.isDead ? 'dead' : 'failed', lastError: failure.error.slice(0, 500) })
    .where(
      and(
        eq(notifications.id, id),
        eq(notifications.attempts, failure.attempts),
        eq(notifications.status, 'sending'),
      ),
    );
}

/** A notification that cannot be sent at all (no address): `dead` at once, from any unsent state. */
export async function markNotificationUndeliverable(
  db: Executor,
  id: string,
  error: string,
): Promise<void> {
  await db
    .update(notifications)
    .set({ status: 'dead', lastError: error })
    .where(and(eq(notifications.id, id), inArray(notifications.status, ['pending', 'failed'])));
}

/**
 * A `sending` row whose outcome nobody recorded and whose provider cannot drop a repeat: it may
 * have gone out, so it is left for administrators rather than sent again (compare-and-set on
 * the try, as read). Returns false when another delivery changed it first.
 */
export async function markNotificationUnconfirmed(
  db: Executor,
  id: string,
  seen: { attempts: number },
  reason: string,
): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ status: 'unconfirmed', lastError: reason })
    .where(
      and(
        eq(notifications.id, id),
        eq(notifications.attempts, seen.attempts),
        eq(notifications.status, 'sending'),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Back to `pending` for another round of tries (an administrator's retry of a dead letter). */
export async function resetNotificationToPending(tx: Executor, id: string): Promise<void> {
  await tx.update(notifications).set({ status: 'pending' }).where(eq(notifications.id, id));
}

/**
 * Unsent notifications nothing has touched since `before` (their latest try, else their
 * creation), oldest first: their job may be lost (Redis lost it, or it gave up while Postgres
 * was unreachable), so reconcile gives each a new one.
 */
export async function listStaleNotifications(db: Executor, before: Date, limit: number) {
  const lastTouched = sql`coalesce(${notifications.attemptedAt}, ${notifications.createdAt})`;
  return db
    .select({ id: notifications.id, status: notifications.status })
    .from(notifications)
    .where(
      and(
        inArray(notifications.status, ['pending', 'failed', 'sending']),
        sql`${lastTouched} < ${before.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(lastTouched)
    .limit(limit);
}

/**
 * What administrators review, newest first: dead letters and `unconfirmed` notifications,
 * without address or text (personal data stays in the row).
 */
export async function listDeadNotifications(db: Executor, args: { limit: number }) {
  return db
    .select({
      id: notifications.id,
      status: notifications.status,
      caseId: notifications.caseId,
      trackingCode: cases.trackingCode,
      eventVersion: notifications.eventVersion,
      template: notifications.template,
      channel: notifications.channel,
      recipientKey: notifications.recipientKey,
      recipientOfficialId: notifications.recipientOfficialId,
      attempts: notifications.attempts,
      lastError: notifications.lastError,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .leftJoin(cases, eq(cases.id, notifications.caseId))
    .where(inArray(notifications.status, ['dead', 'unconfirmed']))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(args.limit);
}

/** Open cases past their resolution deadline, by unit (for the leaders' daily digest). */
export async function listOverdueCasesByUnit(db: Executor, now: Date) {
  return db
    .select({
      unitId: cases.unitId,
      unitName: adminUnits.name,
      trackingCode: cases.trackingCode,
      categoryName: categories.name,
      resolutionDueAt: cases.resolutionDueAt,
    })
    .from(cases)
    .innerJoin(adminUnits, eq(adminUnits.id, cases.unitId))
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .where(and(lt(cases.resolutionDueAt, now), inArray(cases.status, [...OPEN_STATUSES])))
    .orderBy(adminUnits.name, cases.resolutionDueAt);
}

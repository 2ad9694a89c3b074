import { and, arrayContains, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '@hotline/domain';
import type { Executor } from '../client.js';
import {
  adminUnits,
  caseEvents,
  cases,
  categories,
  notifications,
  officials,
} from '../schema/index.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotificationRow = typeof notifications.$inferInsert;

/** What messages about a case need: its code, names, deadline, and the citizen's contact. */
export async function findCaseNotificationFacts(db: Executor, caseId: string) {
  const [row] = await db
    .select({
      trackingCode: cases.trackingCode,
      channel: cases.channel,
      // Personal data: goes into the notification row's address, never into a log.
      citizenPhone: cases.citizenPhone,
      citizenEmail: cases.citizenEmail,
      isAnonymous: cases.isAnonymous,
      categoryName: categories.name,
      unitName: adminUnits.name,
      resolutionDueAt: cases.resolutionDueAt,
    })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .leftJoin(adminUnits, eq(adminUnits.id, cases.unitId))
    .where(eq(cases.id, caseId));
  return row ?? null;
}

/** The same for several cases in one read (the changes of a batch), by case id. */
export async function findCasesNotificationFacts(db: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return new Map<string, CaseNotificationFacts>();
  const rows = await db
    .select({
      caseId: cases.id,
      trackingCode: cases.trackingCode,
      channel: cases.channel,
      citizenPhone: cases.citizenPhone,
      citizenEmail: cases.citizenEmail,
      isAnonymous: cases.isAnonymous,
      categoryName: categories.name,
      unitName: adminUnits.name,
      resolutionDueAt: cases.resolutionDueAt,
    })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .leftJoin(adminUnits, eq(adminUnits.id, cases.unitId))
    .where(inArray(cases.id, [...caseIds]));
  return new Map<string, CaseNotificationFacts>(rows.map(({ caseId, ...f }) => [caseId, f]));
}
export type CaseNotificationFacts = NonNullable<
  Awaited<ReturnType<typeof findCaseNotificationFacts>>
>;

/** Whether the case had an event of this type before `version` (e.g. an earlier routing). */
export async function hasEventBefore(
  db: Executor,
  caseId: string,
  type: string,
  version: number,
): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.caseId, caseId),
        eq(caseEvents.type, type),
        lt(caseEvents.version, version),
      ),
    );
  return (row?.n ?? 0) > 0;
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
 * Claims one try: counts it and records the text about to be sent, only if the row is still
 * unsent and no other delivery claimed this try first (compare-and-set on `attempts`).
 * Returns false when someone else got there.
 */
export async function claimNotificationAttempt(
  db: Executor,
  id: string,
  expectedAttempts: number,
  text: { body: string; encoding: string | null; segments: number | null },
): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ ...text, attempts: expectedAttempts + 1 })
    .where(
      and(
        eq(notifications.id, id),
        eq(notifications.attempts, expectedAttempts),
        inArray(notifications.status, ['pending', 'failed']),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markNotificationSent(
  db: Executor,
  id: string,
  result: { providerMessageId: string | null; sentAt: Date },
): Promise<void> {
  await db
    .update(notifications)
    .set({ status: 'sent', lastError: null, ...result })
    .where(eq(notifications.id, id));
}

/** A failed try: `failed` (BullMQ tries again) or, after the last one, `dead`. */
export async function markNotificationFailed(
  db: Executor,
  id: string,
  failure: { error: string; isDead: boolean },
): Promise<void> {
  await db
    .update(notifications)
    .set({ status: failure.isDead ? 'dead' : 'failed', lastError: failure.error.slice(0, 500) })
    .where(and(eq(notifications.id, id), inArray(notifications.status, ['pending', 'failed'])));
}

/** Back to `pending` for another round of tries (an administrator's retry of a dead letter). */
export async function resetNotificationToPending(tx: Executor, id: string): Promise<void> {
  await tx.update(notifications).set({ status: 'pending' }).where(eq(notifications.id, id));
}

/** Dead letters, newest first, without address or text (personal data stays in the row). */
export async function listDeadNotifications(db: Executor, args: { limit: number }) {
  return db
    .select({
      id: notifications.id,
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
    .where(eq(notifications.status, 'dead'))
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

import {
  findCasesNotificationFacts,
  findHandlerOrLeaderContacts,
  findOfficialContacts,
  insertNotifications,
  insertOutbox,
  listMergedCaseContacts,
  listUnitLeaderContacts,
  type Tx,
} from '@hotline/db';
import {
  notificationReadsOf,
  planNotifications,
  type NotificationDraft,
  type NotificationOptions,
  type NotificationRecipients,
  type NotifiedChange,
  type NotifiedOfficial,
} from '@hotline/domain';
import { notificationOutbox } from './notification-jobs.js';

/**
 * Tells whoever is told about some changes' events, inside their transaction: reads the
 * recipients each change needs (notificationReadsOf), plans the messages (planNotifications,
 * pure), writes them. At most once: the unique key absorbs a second planning of the same
 * event. Returns how many notifications were inserted.
 */
export async function notifyChanges(
  tx: Tx,
  changes: readonly NotifiedChange[],
  options: NotificationOptions = {},
): Promise<number> {
  const recipients = await readNotificationRecipients(tx, changes);
  const drafts = changes.flatMap((c, i) => planNotifications(c, recipients[i]!, options));
  return writeNotifications(tx, drafts);
}

/**
 * The recipients of each change (in order), every read sent at once and each thing read once
 * for the batch: the facts of all its cases, the contacts of all officials named, each unit's
 * leaders (a storm of deadlines in one unit tells the same leaders about every case).
 */
export async function readNotificationRecipients(
  tx: Tx,
  changes: readonly NotifiedChange[],
): Promise<NotificationRecipients[]> {
  const needs = changes.map(notificationReadsOf);
  const caseIds = new Set(changes.filter((_, i) => needs[i]!.case).map((c) => c.caseId));
  const officialIds = new Set(needs.flatMap((n) => n.officialIds));
  const unitIds = new Set(needs.flatMap((n) => n.unitLeadersOf));
  const none: readonly NotifiedOfficial[] = [];
  const [facts, officials, leaders, handlers, merged] = await Promise.all([
    findCasesNotificationFacts(tx, [...caseIds]),
    findOfficialContacts(tx, [...officialIds]),
    Promise.all([...unitIds].map(async (u) => [u, await listUnitLeaderContacts(tx, u)] as const)),
    Promise.all(
      changes.map((c, i) =>
        needs[i]!.handlerOrLeaders
          ? findHandlerOrLeaderContacts(tx, c.state.assigneeId, c.state.unitId)
          : Promise.resolve(none),
      ),
    ),
    Promise.all(
      changes.map((c, i) =>
        needs[i]!.mergedCases ? listMergedCaseContacts(tx, c.caseId) : Promise.resolve([]),
      ),
    ),
  ]);
  const byId = new Map(officials.map((o) => [o.id, o]));
  const unitLeaders = new Map(leaders);
  return changes.map((c, i) => ({
    case: facts.get(c.caseId) ?? null,
    officials: byId,
    unitLeaders,
    handlerOrLeaders: handlers[i]!,
    mergedCases: merged[i]!,
  }));
}

/**
 * The notifications of several changes in two statements whatever their number: the rows, then
 * the outbox rows sending the SMS and e-mails among them that were new (in-app rows are
 * delivered by being written). Returns how many were inserted.
 */
export async function writeNotifications(
  tx: Tx,
  drafts: readonly NotificationDraft[],
): Promise<number> {
  const inserted = await insertNotifications(tx, drafts);
  await insertOutbox(
    tx,
    inserted.filter((n) => n.status === 'pending').map((n) => notificationOutbox(n.id)),
  );
  return inserted.length;
}

import {
  insertNotifications,
  insertOutbox,
  listOverdueCasesByUnit,
  listUnitLeaderContacts,
  type Database,
  type NewNotificationRow,
} from '@hotline/db';
import {
  formatInstant,
  formatLocalTime,
  formatTrackingCode,
  renderNotification,
  type DigestCase,
} from '@hotline/domain';
import { notificationOutbox } from './notification-jobs.js';

/**
 * The morning digest: every unit leader is told, in the console and by e-mail, which of the
 * unit's cases are past their deadline. Once per leader and day (the recipient key carries the
 * date), however often the job runs.
 */
export async function planDailyDigest(
  deps: { db: Database },
  now: Date,
  timeZone: string,
): Promise<{ units: number; notifications: number }> {
  const overdue = await listOverdueCasesByUnit(deps.db, now);
  const byUnit = new Map<string, { unitName: string; cases: DigestCase[] }>();
  for (const c of overdue) {
    if (!c.unitId) continue;
    const entry = byUnit.get(c.unitId) ?? { unitName: c.unitName, cases: [] };
    entry.cases.push({
      trackingCode: formatTrackingCode(c.trackingCode),
      categoryName: c.categoryName,
      deadline: c.resolutionDueAt ? formatLocalTime(c.resolutionDueAt, timeZone) : '',
    });
    byUnit.set(c.unitId, entry);
  }
  const day = formatInstant(now, timeZone).slice(0, 10);
  const [y, m, d] = day.split('-');
  const shownDate = `${d}/${m}/${y}`;
  const drafts: NewNotificationRow[] = [];
  for (const [unitId, { unitName, cases }] of byUnit) {
    const ctx = { unitName, date: shownDate, cases };
    for (const leader of await listUnitLeaderContacts(deps.db, unitId)) {
      for (const channel of ['in_app', 'email'] as const) {
        const { subject, body } = renderNotification('daily_digest', ctx, {
          channel,
          locale: 'vi',
        });
        drafts.push({
          caseId: null,
          eventVersion: 0,
          template: 'daily_digest',
          channel,
          recipientKey: `digest:${day}:${leader.id}`,
          recipientOfficialId: leader.id,
          address: channel === 'email' ? leader.email : null,
          locale: 'vi',
          subject: subject ?? null,
          body,
          status: channel === 'in_app' ? 'sent' : 'pending',
          sentAt: channel === 'in_app' ? now : null,
          createdAt: now,
        });
      }
    }
  }
  return deps.db.transaction(async (tx) => {
    const inserted = await insertNotifications(tx, drafts);
    await insertOutbox(
      tx,
      inserted.filter((n) => n.status === 'pending').map((n) => notificationOutbox(n.id)),
    );
    return { units: byUnit.size, notifications: inserted.length };
  });
}

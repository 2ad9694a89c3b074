import {
  insertOutbox,
  listDeadNotifications,
  lockNotification,
  resetNotificationToPending,
  type Database,
} from '@hotline/db';
import { formatTrackingCode } from '@hotline/domain';
import { audit, type AdminActor } from '../admin/admin-context.js';
import { AppError } from '../errors.js';
import { notificationOutbox } from './notification-jobs.js';

/**
 * What administrators review, newest first: dead letters (every try failed) and `unconfirmed`
 * notifications (a try whose outcome was lost, with a provider that cannot drop a repeat: it
 * may have been sent). No address, no text.
 */
export async function listDeadLetters(deps: { db: Database }, args: { limit: number }) {
  const rows = await listDeadNotifications(deps.db, args);
  return {
    items: rows.map((r) => ({
      id: r.id,
      status: r.status === 'unconfirmed' ? ('unconfirmed' as const) : ('dead' as const),
      caseId: r.caseId,
      trackingCode: r.trackingCode ? formatTrackingCode(r.trackingCode) : null,
      eventVersion: r.eventVersion,
      template: r.template,
      channel: r.channel,
      recipient: r.recipientOfficialId
        ? { kind: 'official' as const, officialId: r.recipientOfficialId }
        : { kind: r.recipientKey === 'citizen' ? ('citizen' as const) : ('other' as const) },
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/**
 * Gives a dead or unconfirmed notification another round of tries: back to `pending`, and a new
 * send job through the outbox in the same transaction. Only those may be retried (409
 * otherwise); for an unconfirmed one it is the administrator who accepts that the citizen may
 * get it twice.
 */
export async function retryDeadLetter(
  deps: { db: Database },
  notificationId: string,
  now: Date,
  by: AdminActor,
): Promise<{ id: string; status: 'pending' }> {
  return deps.db.transaction(async (tx) => {
    const row = await lockNotification(tx, notificationId);
    if (!row)
      throw new AppError('NOTIFICATION_NOT_FOUND', `notification ${notificationId} not found`);
    if (row.status !== 'dead' && row.status !== 'unconfirmed') {
      throw new AppError(
        'CONFLICT',
        `only a dead or unconfirmed notification can be retried; this one is ${row.status}`,
      );
    }
    await resetNotificationToPending(tx, notificationId);
    await insertOutbox(tx, [notificationOutbox(notificationId, `retry-${now.getTime()}`)]);
    // Status and tries only: a notification's address and text are personal data.
    await audit(
      tx,
      by,
      'notification.retry',
      'notification',
      notificationId,
      { status: row.status, attempts: row.attempts },
      { status: 'pending', attempts: row.attempts },
    );
    return { id: notificationId, status: 'pending' as const };
  });
}

import { insertNotifications, insertOutbox, type Database } from '@hotline/db';
import { normalizeVietnamesePhone } from '@hotline/domain';
import { notificationOutbox } from '../notifications/notification-jobs.js';

const e164OrAsIs = (phone: string) => {
  const r = normalizeVietnamesePhone(phone);
  return r.ok ? r.e164 : phone.trim();
};

/**
 * With SMS_REPLY_MODE=outbound the answer to an inbound SMS goes out through the SMS provider,
 * like every other message: a notification row (unique per provider message, so a retried
 * delivery queues nothing new) and the outbox row that sends it. Called for a retried delivery
 * too, so an answer whose first queuing was cut short by a crash is queued then.
 */
export async function queueSmsReply(
  deps: { db: Database },
  reply: {
    provider: string;
    providerMessageId: string;
    caseId: string | null;
    /** The sender as received (personal data: only in the row's address). */
    to: string;
    text: string;
  },
  now: Date,
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const inserted = await insertNotifications(tx, [
      {
        caseId: reply.caseId,
        eventVersion: 0,
        template: 'sms_reply',
        channel: 'sms',
        recipientKey: `sms-reply:${reply.provider}:${reply.providerMessageId}`,
        recipientOfficialId: null,
        address: e164OrAsIs(reply.to),
        locale: 'vi',
        subject: null,
        body: reply.text,
        status: 'pending',
        sentAt: null,
        createdAt: now,
      },
    ]);
    await insertOutbox(
      tx,
      inserted.map((n) => notificationOutbox(n.id)),
    );
    return inserted.length > 0;
  });
}

import {
  claimNotificationAttempt,
  findNotification,
  markNotificationFailed,
  markNotificationSent,
  type Database,
} from '@hotline/db';
import { redactContacts, smsSegments, toSmsText } from '@hotline/domain';
import type { NotificationProviders, SendReceipt } from './notification-providers.js';

export type SendNotificationOutcome =
  | { outcome: 'sent'; providerMessageId: string | null }
  | { outcome: 'skipped'; reason: 'not_found' | 'already_sent' | 'dead' | 'in_app' }
  | { outcome: 'dead'; reason: 'no_address' };

/**
 * A try that failed. `isDead`: it was the last one and the row is now a dead letter. The
 * message is redacted of addresses; the provider's own error is not kept as `cause` because
 * it may quote the recipient (SMTP replies do), and errors reach logs.
 */
export class NotificationSendError extends Error {
  constructor(
    message: string,
    readonly isDead: boolean,
  ) {
    super(message);
    this.name = 'NotificationSendError';
  }
}

/** Another delivery of the same job claimed this try first; try again later. */
export class NotificationBusyError extends Error {
  constructor(id: string) {
    super(`notification ${id} is being sent by another delivery`);
    this.name = 'NotificationBusyError';
  }
}

export interface SendNotificationDeps {
  db: Database;
  providers: NotificationProviders;
  /** Fold Vietnamese SMS to plain ASCII so it fits GSM-7. */
  foldSmsToAscii: boolean;
}

/**
 * Sends one notification, at most once: a row already sent (or dead) is left alone, and each
 * try is claimed on the row before the provider is called, so two deliveries of one job cannot
 * both send. The SMS text actually sent, its encoding and segments are recorded with the try.
 * A failed try records the redacted error and throws NotificationSendError (the queue retries);
 * after the last try (`isLastAttempt`) the row is `dead`: a dead letter for administrators.
 */
export async function sendNotification(
  deps: SendNotificationDeps,
  notificationId: string,
  opts: { isLastAttempt: boolean; now: () => Date },
): Promise<SendNotificationOutcome> {
  const row = await findNotification(deps.db, notificationId);
  if (!row) return { outcome: 'skipped', reason: 'not_found' };
  if (row.status === 'sent') return { outcome: 'skipped', reason: 'already_sent' };
  if (row.status === 'dead') return { outcome: 'skipped', reason: 'dead' };
  if (row.channel === 'in_app') return { outcome: 'skipped', reason: 'in_app' };
  if (!row.address) {
    await markNotificationFailed(deps.db, row.id, { error: 'no address', isDead: true });
    return { outcome: 'dead', reason: 'no_address' };
  }

  const text =
    row.channel === 'sms' ? toSmsText(row.body, { foldToAscii: deps.foldSmsToAscii }) : row.body;
  const segments = row.channel === 'sms' ? smsSegments(text) : null;
  const claimed = await claimNotificationAttempt(deps.db, row.id, row.attempts, {
    body: text,
    encoding: segments?.encoding ?? null,
    segments: segments?.segments ?? null,
  });
  if (!claimed) throw new NotificationBusyError(row.id);

  let receipt: SendReceipt;
  try {
    receipt =
      row.channel === 'sms'
        ? await deps.providers.sms.send({
            notificationId: row.id,
            template: row.template,
            to: row.address,
            text,
            encoding: segments?.encoding ?? 'UCS-2',
            segments: segments?.segments ?? 1,
          })
        : await deps.providers.email.send({
            notificationId: row.id,
            template: row.template,
            to: row.address,
            subject: row.subject ?? '',
            text,
          });
  } catch (err) {
    const error = redactContacts(err instanceof Error ? err.message : String(err), row.address);
    await markNotificationFailed(deps.db, row.id, { error, isDead: opts.isLastAttempt });
    throw new NotificationSendError(error, opts.isLastAttempt);
  }
  const providerMessageId = receipt.providerMessageId ?? null;
  await markNotificationSent(deps.db, row.id, { providerMessageId, sentAt: opts.now() });
  return { outcome: 'sent', providerMessageId };
}

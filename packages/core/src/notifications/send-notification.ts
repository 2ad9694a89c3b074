import {
  claimNotificationAttempt,
  findNotification,
  markNotificationFailed,
  markNotificationSent,
  markNotificationUnconfirmed,
  markNotificationUndeliverable,
  type Database,
  type NotificationRow,
} from '@hotline/db';
import { redactContacts, smsSegments, toSmsText } from '@hotline/domain';
import type {
  IdempotencyKeySupport,
  NotificationProviders,
  SendReceipt,
} from './notification-providers.js';

export type SendNotificationOutcome =
  | { outcome: 'sent'; providerMessageId: string | null }
  | {
      outcome: 'skipped';
      reason: 'not_found' | 'already_sent' | 'dead' | 'unconfirmed' | 'in_app';
    }
  | { outcome: 'dead'; reason: 'no_address' }
  | { outcome: 'unconfirmed' };

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

/** What an `unconfirmed` row says to administrators (no address: it reaches the admin list). */
export const UNCONFIRMED_REASON =
  'a try was under way but its outcome was never recorded; it may have been sent';

/**
 * Sends one notification, exactly once where the provider can drop a repeat, at most once where
 * it cannot. Each try is committed as `sending` (with its time and the text about to go out)
 * before the provider is called; a delivery that later finds the row still `sending` knows an
 * earlier try's outcome was lost (a crash, or Postgres failing after the provider answered):
 * - with a provider that drops repeats carrying the notification id as idempotency key, and
 *   while it still remembers that key, it tries again with the same key (the provider keeps
 *   the first message only);
 * - otherwise the row becomes `unconfirmed` and is never sent again by itself: it is listed for
 *   administrators with the dead letters, and they may send it again.
 * A row already sent, dead or unconfirmed is left alone; the compare-and-set on the row stops two
 * deliveries of one job from both sending. A failed try records the redacted error and throws
 * NotificationSendError (the queue retries); after the last try (`isLastAttempt`) the row is
 * `dead`: a dead letter for administrators.
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
  if (row.status === 'unconfirmed') return { outcome: 'skipped', reason: 'unconfirmed' };
  if (row.channel === 'in_app') return { outcome: 'skipped', reason: 'in_app' };
  if (!row.address) {
    await markNotificationUndeliverable(deps.db, row.id, 'no address');
    return { outcome: 'dead', reason: 'no_address' };
  }
  const address = row.address;

  if (row.status === 'sending') {
    const provider = row.channel === 'sms' ? deps.providers.sms : deps.providers.email;
    if (!mayRepeat(provider.idempotencyKey, row, opts.now())) {
      const parked = await markNotificationUnconfirmed(deps.db, row.id, row, UNCONFIRMED_REASON);
      if (!parked) throw new NotificationBusyError(row.id);
      return { outcome: 'unconfirmed' };
    }
  }

  const text =
    row.channel === 'sms' ? toSmsText(row.body, { foldToAscii: deps.foldSmsToAscii }) : row.body;
  const segments = row.channel === 'sms' ? smsSegments(text) : null;
  const claimed = await claimNotificationAttempt(deps.db, row.id, row, {
    body: text,
    encoding: segments?.encoding ?? null,
    segments: segments?.segments ?? null,
    at: opts.now(),
  });
  if (!claimed) throw new NotificationBusyError(row.id);

  let receipt: SendReceipt;
  try {
    receipt =
      row.channel === 'sms'
        ? await deps.providers.sms.send({
            notificationId: row.id,
            template: row.template,
            to: address,
            text,
            encoding: segments?.encoding ?? 'UCS-2',
            segments: segments?.segments ?? 1,
          })
        : await deps.providers.email.send({
            notificationId: row.id,
            template: row.template,
            to: address,
            subject: row.subject ?? '',
            text,
          });
  } catch (err) {
    const error = redactContacts(err instanceof Error ? err.message : String(err), address);
    await markNotificationFailed(deps.db, row.id, {
      error,
      isDead: opts.isLastAttempt,
      attempts: row.attempts + 1,
    });
    throw new NotificationSendError(error, opts.isLastAttempt);
  }
  const providerMessageId = receipt.providerMessageId ?? null;
  await markNotificationSent(deps.db, row.id, { providerMessageId, sentAt: opts.now() });
  return { outcome: 'sent', providerMessageId };
}

/**
 * Whether a lost try may be repeated: only if the provider drops a repeat of the key and still
 * remembers it. Counted from the notification's creation, the earliest the key can have been
 * used, so a chain of lost tries never outlives the provider's memory.
 */
function mayRepeat(
  support: IdempotencyKeySupport,
  row: Pick<NotificationRow, 'createdAt'>,
  now: Date,
): boolean {
  return support !== null && now.getTime() - row.createdAt.getTime() < support.keptMs;
}

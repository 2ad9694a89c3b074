import type { NewOutboxMessage } from '@hotline/db';

/**
 * The outbox row that sends a notification. Its job id names the notification (relaying twice
 * enqueues once); an administrator's retry adds a suffix, since BullMQ still remembers the
 * failed job under the plain id.
 */
export function notificationOutbox(notificationId: string, retrySuffix?: string): NewOutboxMessage {
  return {
    queue: 'notifications',
    jobName: 'send',
    jobId: retrySuffix ? `notify-${notificationId}-${retrySuffix}` : `notify-${notificationId}`,
    payload: { notificationId },
    runAt: null,
  };
}

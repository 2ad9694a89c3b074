import { JOBS } from '@hotline/contracts';
import type { NewOutboxMessage } from '@hotline/db';
import { outboxRowOf } from '../outbox-row.js';

/** The outbox row that sends a notification (see JOBS.sendNotification). */
export const notificationOutbox = (
  notificationId: string,
  retrySuffix?: string,
): NewOutboxMessage => outboxRowOf(JOBS.sendNotification(notificationId, retrySuffix));

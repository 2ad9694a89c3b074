import { NOTIFIED_EVENT_TYPES, type NotifiedEventType } from '@hotline/domain';
import { notifyChanges } from '../../notifications/notify-changes.js';
import type { CaseEventSubscriber } from '../case-event-map.js';

/**
 * Whoever is told about the events is told: the recipients read, the messages planned by the
 * domain (planNotifications), the rows and the send jobs of the SMS and e-mails written.
 */
export const notificationsSubscriber: CaseEventSubscriber<NotifiedEventType> = {
  name: 'notifications',
  events: NOTIFIED_EVENT_TYPES,
  async handle(tx, changes, { now, options }) {
    await notifyChanges(
      tx,
      changes.map((c) => ({
        caseId: c.caseId,
        state: c.after,
        recorded: c.recorded,
        wasRouted: c.history.slice(0, c.start).some((h) => h.event.type === 'routed'),
        now,
      })),
      options,
    );
  },
};

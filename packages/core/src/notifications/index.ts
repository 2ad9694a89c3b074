export { notifyChanges } from './notify-changes.js';
export {
  sendNotification,
  NotificationSendError,
  NotificationBusyError,
  UNCONFIRMED_REASON,
  type SendNotificationDeps,
  type SendNotificationOutcome,
} from './send-notification.js';
export { listDeadLetters, retryDeadLetter } from './dead-letters.js';
export { reconcileNotifications, NOTIFICATION_STALE_MS } from './reconcile-notifications.js';
export type * from './notification-providers.js';
export { planDailyDigest } from './plan-daily-digest.js';

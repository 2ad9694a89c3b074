export {
  renderNotification,
  NOTIFICATION_TEMPLATES,
  NOTIFICATION_LOCALES,
  type NotificationTemplate,
  type NotificationLocale,
  type NotificationChannel,
  type TemplateContexts,
  type CaseMessageContext,
  type CitizenFollowUp,
  type DigestCase,
  type RenderedMessage,
} from './templates.js';
export { smsSegments, toSmsText, type SmsEncoding, type SmsSegments } from './sms-text.js';
export { redactContacts } from './redact-contacts.js';
export {
  NOTIFIED_EVENT_TYPES,
  notificationReadsOf,
  planNotifications,
  type MergedCaseContact,
  type NotificationDraft,
  type NotificationOptions,
  type NotificationReads,
  type NotificationRecipients,
  type NotifiedCase,
  type NotifiedChange,
  type NotifiedEventType,
  type NotifiedOfficial,
} from './plan-notifications.js';

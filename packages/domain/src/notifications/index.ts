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

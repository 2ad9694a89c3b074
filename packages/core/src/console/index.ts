export {
  listMyNotifications,
  markMyNotificationsRead,
  DEFAULT_NOTIFICATIONS_LIMIT,
} from './list-my-notifications.js';
export { listCaseAssignees } from './list-case-assignees.js';
export { getConsoleReference } from './get-console-reference.js';
export { getCaseAttachment, type CaseAttachmentSource } from './get-case-attachment.js';
export { lookupCases } from './lookup-cases.js';

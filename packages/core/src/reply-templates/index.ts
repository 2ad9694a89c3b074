export {
  listReplyTemplates,
  createReplyTemplate,
  updateReplyTemplate,
  deleteReplyTemplate,
} from './manage-reply-templates.js';
export { listCaseReplyTemplates } from './case-reply-templates.js';

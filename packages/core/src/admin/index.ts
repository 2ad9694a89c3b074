export type { AdminActor, AdminDeps } from './admin-context.js';
export { listUnitTree, createUnit, updateUnit, deactivateUnit } from './manage-units.js';
export { mergeUnits } from './merge-units.js';
export { listOfficials, createOfficial, updateOfficial } from './manage-officials.js';
export { listHotlines, createHotline, updateHotline } from './manage-hotlines.js';
export {
  listAdminCategories,
  createCategory,
  updateCategory,
  deactivateCategory,
} from './manage-categories.js';
export { previewUnitMerge } from './preview-unit-merge.js';
export { listAdminAudit } from './list-admin-audit.js';
export { auditQueueOperation, type QueueOperation } from './audit-queue-operation.js';
export {
  createAdministrator,
  resetAdministrator,
  type ServerOperator,
} from './administrator-commands.js';

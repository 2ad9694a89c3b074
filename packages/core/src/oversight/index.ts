export { listOversight, type OversightItem, type OversightPage } from './list-oversight.js';
export { backlogSeries } from './backlog-series.js';
export { escalationRungs } from './escalation-rungs.js';
export { transferFlows } from './transfer-flows.js';
export { hotlineSummary } from './hotline-summary.js';

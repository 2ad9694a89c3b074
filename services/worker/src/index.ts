export { startWorker, type RunningWorker } from './start-worker.js';
export { reconcileProcessor } from './processors/reconcile.processor.js';
export { canaryKeys } from './redis-canary.js';

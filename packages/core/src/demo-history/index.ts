export {
  seedDemoHistory,
  type DemoHistoryOptions,
  type DemoHistoryResult,
} from './seed-demo-history.js';

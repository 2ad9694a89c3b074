// The demo: the Hà Tĩnh province (units, officials, hotlines, categories, a drill, known
// credentials) and months of case history lived through the real use cases. `npm start` loads
// it (src/cli) and tests use it; production code never imports it (eslint.config.js).
export { seedDemoData } from './province/seed-demo.js';
export { DEMO_OPEN311_API_KEY, DEMO_PASSWORD } from './province/seed-demo-tokens.js';
export { demoProvince } from './province/demo-province.js';
export type * from './province/demo-types.js';
export {
  seedDemoHistory,
  type DemoHistoryOptions,
  type DemoHistoryResult,
} from './history/seed-demo-history.js';

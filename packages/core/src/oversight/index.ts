export { listOversight, type OversightItem, type OversightPage } from './list-oversight.js';

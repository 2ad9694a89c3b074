export * from './errors.schemas.js';
export * from './cases.schemas.js';
export * from './health.schemas.js';
export * from './jobs.js';

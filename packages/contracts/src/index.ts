export * from './errors.schemas.js';
export * from './cases.schemas.js';
export * from './health.schemas.js';
export * from './jobs.js';
export * from './calendars.schemas.js';
export * from './sla-policies.schemas.js';
export * from './routing.schemas.js';
export * from './notifications.schemas.js';

export * from './enums.js';
export * from './organisation.js';
export * from './cases.js';
export * from './calendars.js';
export * from './sla-policies.js';
export * from './routing.js';
export * from './notifications.js';

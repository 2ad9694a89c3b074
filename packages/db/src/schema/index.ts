export * from './enums.js';
export * from './organisation.js';
export * from './cases.js';

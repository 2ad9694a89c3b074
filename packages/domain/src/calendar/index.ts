export type * from './calendar.types.js';

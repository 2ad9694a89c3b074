export { formatInstant, formatLocalTime, parseInstant } from './format-instant.js';

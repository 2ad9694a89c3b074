export { formatInstant, parseInstant } from './format-instant.js';

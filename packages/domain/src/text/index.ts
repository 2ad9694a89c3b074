export { foldDiacritics, searchKey } from './fold-diacritics.js';
export * from './language.js';

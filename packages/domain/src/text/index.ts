export { foldDiacritics, searchKey } from './fold-diacritics.js';

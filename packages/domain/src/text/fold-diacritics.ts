// NFD splits most Vietnamese letters into a base letter and combining marks, but đ/Đ are
// letters of their own and survive it: they are mapped explicitly.
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Vietnamese without diacritics, for search keys and for SMS that must fit GSM-7
 * (`Đường đất` → `Duong dat`). Case is kept.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** A lower-case, diacritics-free, single-spaced key for matching ("dat dai" matches "Đất  đai"). */
export function searchKey(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

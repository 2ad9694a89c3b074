/**
 * Vietnamese for matching: no diacritics (đ/Đ too, which NFD leaves whole), lower case,
 * single spaces: "Thạch Hà" → "thach ha", so an official may type either. The portal's
 * pickers fold the same way (portal.js).
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

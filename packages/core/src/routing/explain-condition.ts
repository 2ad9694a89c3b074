import type { ConditionResult } from '@hotline/contracts';
import type { ConditionCheck } from '@hotline/domain';

const list = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/** A condition's result in words, Vietnamese first; values are already codes, not ids. */
export function explainCondition(c: ConditionCheck): ConditionResult['explanation'] {
  const [actual] = c.actual;
  switch (c.condition) {
    case 'words':
      return c.met
        ? {
            vi: `Nội dung có cụm từ ${list(c.matched)} (nguyên từ, không phân biệt dấu)`,
            en: `The text contains ${list(c.matched)} as whole words (diacritics ignored)`,
          }
        : {
            vi: `Nội dung không có cụm từ nào trong ${list(c.expected)} (nguyên từ, không phân biệt dấu)`,
            en: `The text contains none of ${list(c.expected)} as whole words (diacritics ignored)`,
          };
    case 'location':
      if (actual === undefined) {
        return { vi: 'Phản ánh không có xã, phường', en: 'The case names no commune' };
      }
      return c.met
        ? {
            vi: `Xã, phường "${actual}" thuộc ${list(c.matched)}`,
            en: `Commune "${actual}" lies in ${list(c.matched)}`,
          }
        : {
            vi: `Xã, phường "${actual}" không thuộc ${list(c.expected)}`,
            en: `Commune "${actual}" lies in none of ${list(c.expected)}`,
          };
    case 'hotline':
      if (actual === undefined) {
        return {
          vi: 'Phản ánh không gửi qua đường dây nóng nào',
          en: 'The case came through no hotline',
        };
      }
      return inList(c, actual, { vi: 'Đường dây nóng', en: 'Hotline' });
    case 'channel':
      return inList(c, actual ?? '', { vi: 'Kênh', en: 'Channel' });
    case 'category':
      return inList(c, actual ?? '', { vi: 'Lĩnh vực', en: 'Category' });
    case 'priority':
      return inList(c, actual ?? '', { vi: 'Mức ưu tiên', en: 'Priority' });
  }
}

function inList(c: ConditionCheck, actual: string, what: { vi: string; en: string }) {
  return c.met
    ? {
        vi: `${what.vi} "${actual}" thuộc ${list(c.expected)}`,
        en: `${what.en} "${actual}" is one of ${list(c.expected)}`,
      }
    : {
        vi: `${what.vi} "${actual}" không thuộc ${list(c.expected)}`,
        en: `${what.en} "${actual}" is not one of ${list(c.expected)}`,
      };
}

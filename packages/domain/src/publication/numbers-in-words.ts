// Digits spelt out in Vietnamese, keyed by the lower-case form without diacritics: a number read
// out digit by digit ("không chín một hai…") or with the spoken variants (lẻ/linh for a zero in
// the middle, mốt, tư, lăm/nhăm, bẩy). "mười"/"mươi" both fold to "muoi"; a run of such words only
// needs to be recognised as a number, not read back exactly.
const WORD_DIGITS: Readonly<Record<string, string>> = {
  khong: '0',
  le: '0',
  linh: '0',
  mot: '1',
  hai: '2',
  ba: '3',
  bon: '4',
  tu: '4',
  nam: '5',
  lam: '5',
  nham: '5',
  sau: '6',
  bay: '7',
  tam: '8',
  chin: '9',
  muoi: '10',
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};

/** The digits a (lower-case, folded) word stands for, or null when it is not a number word. */
export function digitsOfWord(word: string): string | null {
  return WORD_DIGITS[word] ?? null;
}

/** Vietnamese spellings of each digit, for tests and for generating examples. */
export const DIGIT_WORDS: Readonly<Record<string, readonly string[]>> = {
  '0': ['không', 'khong', 'lẻ', 'linh'],
  '1': ['một', 'mot', 'mốt'],
  '2': ['hai'],
  '3': ['ba'],
  '4': ['bốn', 'bon', 'tư'],
  '5': ['năm', 'nam', 'lăm'],
  '6': ['sáu', 'sau'],
  '7': ['bảy', 'bay', 'bẩy'],
  '8': ['tám', 'tam'],
  '9': ['chín', 'chin'],
};

import { searchKey } from '../text/fold-diacritics.js';

// After folding, anything that is not a letter or a digit separates words.
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** The words of a text, folded: lower case, no diacritics ("Đất đai," → ["dat", "dai"]). */
export function wordsOf(text: string): string[] {
  return searchKey(text).split(SEPARATORS).filter(Boolean);
}

/**
 * Text prepared once for many phrase look-ups: its folded words joined by single spaces and
 * framed by spaces, so a phrase is found only on word boundaries.
 */
export interface PreparedText {
  readonly framed: string;
}

export const prepareText = (text: string): PreparedText => ({
  framed: ` ${wordsOf(text).join(' ')} `,
});

/**
 * Whether the phrase occurs in the text as whole words, ignoring diacritics, case, spacing and
 * punctuation: "dat dai" is found in "Tranh chấp đất đai." but "dat" is not found in "datdai".
 * A phrase without any letter or digit is found nowhere.
 */
export function containsPhrase(text: PreparedText, phrase: string): boolean {
  const words = wordsOf(phrase);
  return words.length > 0 && text.framed.includes(` ${words.join(' ')} `);
}

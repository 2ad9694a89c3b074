import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { foldDiacritics } from '../text/fold-diacritics.js';
import { containsPhrase, prepareText, wordsOf } from './match-words.js';

const found = (text: string, phrase: string) => containsPhrase(prepareText(text), phrase);

describe('whole-word phrase matching without diacritics', () => {
  it.each([
    ['Tranh chấp đất đai giữa hai hộ', 'dat dai', true],
    ['Tranh chấp ĐẤT ĐAI giữa hai hộ', 'đất đai', true],
    ['Tranh chấp đất  đai,\ngiữa hai hộ', 'dat dai', true],
    ['Đất đai.', 'dat dai', true],
    ['(đất-đai)', 'dat dai', true],
    ['datdai bị lấn chiếm', 'dat', false],
    ['datdai bị lấn chiếm', 'dat dai', false],
    ['Đất đai', 'đất đa', false],
    ['Đường đất', 'dat', true],
    ['Đường đất', 'duong dat', true],
    ['Đường đất', 'dat duong', false],
    ['cấp điện 220kV', '220kv', true],
    ['Mất nước 3 ngày', 'nuoc 3', true],
    ['anything at all', '  ', false],
    ['anything at all', '!!', false],
  ])('%j contains %j: %s', (text, phrase, expected) => {
    expect(found(text, phrase)).toBe(expected);
  });

  it('splits on punctuation and folds the words', () => {
    expect(wordsOf('Ô nhiễm, tiếng ồn... ĐƯỜNG 12/3')).toEqual([
      'o',
      'nhiem',
      'tieng',
      'on',
      'duong',
      '12',
      '3',
    ]);
  });

  it('treats decomposed (NFD) text like composed text', () => {
    expect(found('Tranh chấp đất đai'.normalize('NFD'), 'Đất Đai')).toBe(true);
  });

  const word = fc.stringMatching(/^[a-zàáảãạăâđèéêìíòóôơùúưỳý]{1,8}$/);
  const separator = fc.constantFrom(' ', '  ', ', ', '. ', '\n', ' - ', '; ');
  const textOf = (words: string[], seps: string[]) =>
    words.map((w, i) => (i === 0 ? w : `${seps[i % seps.length] ?? ' '}${w}`)).join('');

  it.prop([
    fc.array(word, { minLength: 1, maxLength: 12 }),
    fc.array(separator, { minLength: 1, maxLength: 4 }),
    fc.nat(),
    fc.nat(),
  ])('finds every run of consecutive words, however separated', (words, seps, a, b) => {
    const i = a % words.length;
    const j = i + 1 + (b % (words.length - i));
    const phrase = words.slice(i, j).join(' ');
    expect(found(textOf(words, seps), phrase)).toBe(true);
    expect(found(textOf(words, seps), foldDiacritics(phrase).toUpperCase())).toBe(true);
  });

  it.prop([fc.array(word, { minLength: 1, maxLength: 12 }), word, fc.stringMatching(/^[a-z]$/)])(
    'never finds a word inside a longer word',
    (words, w, extra) => {
      const key = (s: string) => wordsOf(s).join(' ');
      fc.pre(!words.some((x) => key(x) === key(w)));
      expect(found([...words, w + extra].join(' '), w)).toBe(false);
      expect(found([...words, extra + w].join(' '), w)).toBe(false);
    },
  );

  it.prop([fc.string(), fc.string()])('is invariant under folding text and phrase', (t, p) => {
    expect(found(foldDiacritics(t), foldDiacritics(p))).toBe(found(t, p));
  });
});

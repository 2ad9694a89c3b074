import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { foldDiacritics, searchKey } from './fold-diacritics.js';

describe('foldDiacritics', () => {
  it.each([
    ['Đường đất', 'Duong dat'],
    ['Phản ánh, kiến nghị', 'Phan anh, kien nghi'],
    ['Thạch Hạ, Hà Tĩnh', 'Thach Ha, Ha Tinh'],
    ['ỦY BAN NHÂN DÂN', 'UY BAN NHAN DAN'],
    ['Nguyễn Thị Ưng', 'Nguyen Thi Ung'],
  ])('%s → %s', (input, folded) => expect(foldDiacritics(input)).toBe(folded));

  it('folds decomposed (NFD) input the same as composed', () => {
    expect(foldDiacritics('Đất đai'.normalize('NFD'))).toBe('Dat dai');
  });

  it.prop([fc.string()])('leaves only ASCII letters where Vietnamese letters were', (s) => {
    const out = foldDiacritics(s);
    expect(foldDiacritics(out)).toBe(out);
    expect(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i.test(out)).toBe(
      false,
    );
  });
});

describe('searchKey', () => {
  it('makes "dat dai" match "Đất  đai"', () => {
    expect(searchKey('Đất  đai ')).toBe(searchKey('dat dai'));
  });
});

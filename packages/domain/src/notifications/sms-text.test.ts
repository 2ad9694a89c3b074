import { describe, expect, it } from 'vitest';
import { smsSegments, toSmsText } from './sms-text.js';

describe('smsSegments', () => {
  it.each([
    ['', 'GSM-7', 1],
    ['a'.repeat(160), 'GSM-7', 1],
    ['a'.repeat(161), 'GSM-7', 2],
    ['a'.repeat(306), 'GSM-7', 2],
    ['a'.repeat(307), 'GSM-7', 3],
    // Extension characters take two septets.
    ['€'.repeat(80), 'GSM-7', 1],
    ['€'.repeat(81), 'GSM-7', 2],
    ['a'.repeat(159) + '[', 'GSM-7', 2],
    ['a'.repeat(158) + '{', 'GSM-7', 1],
    // Basic-set accented letters stay GSM-7; others do not.
    ['é'.repeat(160), 'GSM-7', 1],
    ['ç', 'UCS-2', 1],
    ['ả'.repeat(70), 'UCS-2', 1],
    ['ả'.repeat(71), 'UCS-2', 2],
    ['ả'.repeat(134), 'UCS-2', 2],
    ['ả'.repeat(135), 'UCS-2', 3],
    // An emoji is two UTF-16 units.
    ['👍'.repeat(35), 'UCS-2', 1],
    ['👍'.repeat(36), 'UCS-2', 2],
  ] as const)('%#: %j → %s × %i', (text, encoding, segments) => {
    expect(smsSegments(text)).toEqual({ encoding, segments });
  });

  it('never splits an extension pair across parts (153 septets a part)', () => {
    // 152 plain + € (2 septets) does not fit the first part's 153: it moves to the second.
    expect(smsSegments('a'.repeat(152) + '€' + 'a'.repeat(152)).segments).toBe(3);
    expect(smsSegments('a'.repeat(151) + '€' + 'a'.repeat(153)).segments).toBe(2);
  });

  it('Vietnamese is UCS-2 unless folded', () => {
    const text = 'Phản ánh của bạn đã được tiếp nhận, mã tra cứu K7QM-4RX9.';
    expect(smsSegments(text).encoding).toBe('UCS-2');
    expect(smsSegments(toSmsText(text, { foldToAscii: true }))).toEqual({
      encoding: 'GSM-7',
      segments: 1,
    });
  });
});

describe('toSmsText', () => {
  it('folds Vietnamese to plain ASCII', () => {
    expect(toSmsText('Đường đất “Hà Tĩnh” – 30 phút…', { foldToAscii: true })).toBe(
      'Duong dat "Ha Tinh" - 30 phut...',
    );
  });

  it('replaces what has no GSM-7 form', () => {
    expect(toSmsText('Tốt 👍 好', { foldToAscii: true })).toBe('Tot ?? ?');
  });

  it('keeps the text as it is (NFC, LF) without folding', () => {
    const decomposed = 'Phản ánh'.normalize('NFD');
    expect(toSmsText(`${decomposed}\r\nmới`, { foldToAscii: false })).toBe('Phản ánh\nmới');
  });

  it('folded text is always GSM-7', () => {
    for (const s of ['ỦY BAN NHÂN DÂN', 'Ông Nguyễn Thị Ưng — “khẩn”', '€ [x] {y} ~ ^ | \\']) {
      expect(smsSegments(toSmsText(s, { foldToAscii: true })).encoding).toBe('GSM-7');
    }
  });
});

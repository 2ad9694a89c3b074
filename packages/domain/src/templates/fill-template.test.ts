import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import {
  TEMPLATE_PLACEHOLDERS,
  fillTemplate,
  unknownPlaceholdersOf,
  type TemplateValues,
} from './fill-template.js';

const VALUES: TemplateValues = {
  ma_phan_anh: 'HT-7K2M9Q',
  don_vi: 'UBND xã Thạch Hạ',
  han_xu_ly: '15/12/2026',
  linh_vuc: 'Đất đai',
  ngay_tiep_nhan: '01/12/2026',
};

/** A piece of a template: plain text (no braces), a known placeholder, or an unknown one. */
type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'known'; name: (typeof TEMPLATE_PLACEHOLDERS)[number] }
  | { kind: 'unknown'; name: string };

const piece: fc.Arbitrary<Piece> = fc.oneof(
  fc.string().map((s) => ({ kind: 'text' as const, text: s.replace(/[{}]/g, '') })),
  fc.constantFrom(...TEMPLATE_PLACEHOLDERS).map((name) => ({ kind: 'known' as const, name })),
  fc
    .stringMatching(/^[a-z][a-z0-9_]{0,12}$/)
    .filter((n) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(n))
    .map((name) => ({ kind: 'unknown' as const, name })),
);

// Values that try to inject: braces, other placeholders, HTML, replacement patterns.
const hostileValue = fc.oneof(
  fc.string(),
  fc.constantFrom('{don_vi}', '{ma_phan_anh}{x}', '<script>alert(1)</script>', '$&', "$'", '$1'),
);
const hostileValues: fc.Arbitrary<TemplateValues> = fc.record({
  ma_phan_anh: hostileValue,
  don_vi: hostileValue,
  han_xu_ly: fc.option(hostileValue),
  linh_vuc: hostileValue,
  ngay_tiep_nhan: hostileValue,
});

const source = (pieces: Piece[]) =>
  pieces.map((p) => (p.kind === 'text' ? p.text : `{${p.name}}`)).join('');

describe('fillTemplate', () => {
  it('fills the case’s code, unit and deadline', () => {
    const filled = fillTemplate(
      'Phản ánh {ma_phan_anh} đã được {don_vi} tiếp nhận, hạn xử lý {han_xu_ly}.',
      VALUES,
    );
    expect(filled.text).toBe(
      'Phản ánh HT-7K2M9Q đã được UBND xã Thạch Hạ tiếp nhận, hạn xử lý 15/12/2026.',
    );
    expect(filled.unresolved).toEqual([]);
  });

  it('leaves an unknown placeholder visible and flags it once', () => {
    const filled = fillTemplate('Kính gửi {ho_ten}, {ho_ten}: mã {ma_phan_anh}', VALUES);
    expect(filled.text).toBe('Kính gửi {ho_ten}, {ho_ten}: mã HT-7K2M9Q');
    expect(filled.unresolved).toEqual([{ name: 'ho_ten', reason: 'unknown' }]);
  });

  it('leaves a known placeholder without a value visible and flags it', () => {
    const filled = fillTemplate('Hạn: {han_xu_ly}', { ...VALUES, han_xu_ly: null });
    expect(filled.text).toBe('Hạn: {han_xu_ly}');
    expect(filled.unresolved).toEqual([{ name: 'han_xu_ly', reason: 'no_value' }]);
  });

  it('treats other braces as text', () => {
    expect(fillTemplate('{ Don_Vi } {} {1a} {don vi}', VALUES)).toEqual({
      text: '{ Don_Vi } {} {1a} {don vi}',
      unresolved: [],
    });
  });

  it.prop([fc.array(piece, { maxLength: 20 }), hostileValues])(
    'is exactly one pass over the template: values are inserted as written, never expanded',
    (pieces, values) => {
      const expected = pieces
        .map((p) => {
          if (p.kind === 'text') return p.text;
          if (p.kind === 'known') return values[p.name] ?? `{${p.name}}`;
          return `{${p.name}}`;
        })
        .join('');
      expect(fillTemplate(source(pieces), values).text).toBe(expected);
    },
  );

  it.prop([fc.array(piece, { maxLength: 20 }), hostileValues])(
    'flags exactly the unknown and unfilled placeholders, each once, in order',
    (pieces, values) => {
      const expected: { name: string; reason: string }[] = [];
      for (const p of pieces) {
        if (p.kind === 'text' || expected.some((e) => e.name === p.name)) continue;
        if (p.kind === 'unknown') expected.push({ name: p.name, reason: 'unknown' });
        else if (values[p.name] === null) expected.push({ name: p.name, reason: 'no_value' });
      }
      expect(fillTemplate(source(pieces), values).unresolved).toEqual(expected);
    },
  );

  it.prop([fc.string()])('changes nothing in a text without placeholders', (s) => {
    const text = s.replace(/[{}]/g, '');
    expect(fillTemplate(text, VALUES)).toEqual({ text, unresolved: [] });
  });
});

describe('unknownPlaceholdersOf', () => {
  it('names the placeholders a template may not use', () => {
    expect(unknownPlaceholdersOf('{ma_phan_anh} {ho_ten} {sdt} {ho_ten}')).toEqual([
      'ho_ten',
      'sdt',
    ]);
  });
});

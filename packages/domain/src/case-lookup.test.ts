import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCaseLookupQuery } from './case-lookup.js';
import { formatTrackingCode, trackingCodeFromBytes } from './tracking-code.js';

describe('readCaseLookupQuery', () => {
  it('reads a tracking code with or without its dash, in any case', () => {
    for (const text of ['K7QM-4RX9', 'k7qm4rx9', ' k7qm 4rx9 ']) {
      expect(readCaseLookupQuery(text)).toEqual({ trackingCode: 'K7QM4RX9', phone: null });
    }
  });

  it('reads a phone number in the ways people write it', () => {
    for (const text of ['0912 345 678', '+84912345678', '84-912-345-678', '0912.345.678']) {
      expect(readCaseLookupQuery(text)).toEqual({ trackingCode: null, phone: '+84912345678' });
    }
  });

  it('reads words as neither', () => {
    expect(readCaseLookupQuery('đèn đường')).toEqual({ trackingCode: null, phone: null });
    expect(readCaseLookupQuery('K7QM')).toEqual({ trackingCode: null, phone: null });
  });

  it('reads every generated code back, however it is written', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 7, maxLength: 7 }), fc.boolean(), (bytes, isLower) => {
        const code = trackingCodeFromBytes(bytes);
        const shown = formatTrackingCode(code);
        const typed = isLower ? shown.toLowerCase() : shown.replace('-', '');
        expect(readCaseLookupQuery(typed).trackingCode).toBe(code);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { formatIsoDuration, parseIsoDuration } from './iso-duration.js';

describe('parseIsoDuration', () => {
  it.each([
    ['P1D', { kind: 'working_days', days: 1 }],
    ['P15D', { kind: 'working_days', days: 15 }],
    ['PT8H', { kind: 'working_time', ms: 8 * 3_600_000 }],
    ['PT90M', { kind: 'working_time', ms: 90 * 60_000 }],
    ['PT1H30M', { kind: 'working_time', ms: 90 * 60_000 }],
    ['PT30S', { kind: 'working_time', ms: 30_000 }],
    ['PT1M5S', { kind: 'working_time', ms: 65_000 }],
  ])('reads %s', (text, expected) => {
    expect(parseIsoDuration(text)).toEqual(expected);
  });

  it.each([
    '',
    'P',
    'PT',
    'P0D',
    'PT0H',
    'PT0M',
    'PT1H0M',
    'P1W',
    'P1Y',
    'P1M',
    'PT0S',
    'PT1.5H',
    'P1,5D',
    'P1DT2H',
    'P-1D',
    'p1d',
    ' P1D',
    'P01D',
    '1D',
    'P3651D',
    'PT10H30',
  ])('rejects %j', (text) => {
    expect(parseIsoDuration(text)).toBeNull();
  });

  it('writes what it reads', () => {
    for (const text of ['P3D', 'PT2H', 'PT45M', 'PT1H30M']) {
      const parsed = parseIsoDuration(text);
      expect(parsed && formatIsoDuration(parsed)).toBe(text);
    }
    expect(() => formatIsoDuration({ kind: 'working_time', ms: 1500 })).toThrow(RangeError);
  });
});

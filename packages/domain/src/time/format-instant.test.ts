import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from './format-instant.js';

describe('formatInstant', () => {
  it('shows Vietnamese time with its offset', () => {
    expect(formatInstant(new Date('2027-02-12T10:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(
      '2027-02-12T17:00:00+07:00',
    );
    expect(formatInstant(new Date('2026-12-31T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe(
      '2027-01-01T00:30:00+07:00',
    );
  });
  it('handles zones with daylight saving and negative offsets', () => {
    expect(formatInstant(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(
      '2026-07-01T08:00:00-04:00',
    );
  });
});

describe('parseInstant', () => {
  it('accepts instants with an offset or Z', () => {
    expect(parseInstant('2027-02-06T09:00:00+07:00')?.toISOString()).toBe(
      '2027-02-06T02:00:00.000Z',
    );
    expect(parseInstant('2027-02-06T02:00Z')?.toISOString()).toBe('2027-02-06T02:00:00.000Z');
  });
  it.each(['2027-02-06', '2027-02-06T09:00:00', 'tomorrow', '2027-13-40T09:00:00+07:00'])(
    'rejects %s',
    (text) => expect(parseInstant(text)).toBeNull(),
  );
});

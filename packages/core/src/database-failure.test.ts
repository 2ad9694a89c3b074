import { describe, expect, it } from 'vitest';
import { databaseFailure } from './database-failure.js';

const withCode = (code: string, extra: object = {}) =>
  Object.assign(new Error(code), { code }, extra);

describe('databaseFailure', () => {
  it.each([
    'CONNECTION_CLOSED',
    'ECONNRESET',
    'EHOSTUNREACH',
    'ERR_STREAM_DESTROYED',
    '08006',
    '57P01',
    '57P05',
    '53100',
    '57014',
    '25006',
  ])('%s: unavailable (503), whatever wraps it', (code) => {
    expect(databaseFailure(withCode(code))).toEqual({ kind: 'unavailable' });
    const wrapped = new Error('Failed query', { cause: withCode(code) });
    expect(databaseFailure(new Error('use case failed', { cause: wrapped }))?.kind).toBe(
      'unavailable',
    );
  });

  it('an AggregateError of refused connects (a name with several addresses): unavailable', () => {
    const err = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'x');
    expect(databaseFailure(err)).toEqual({ kind: 'unavailable' });
  });

  it('a refused value is invalid data; a bug stays unknown (500)', () => {
    expect(databaseFailure(withCode('22001'))?.kind).toBe('invalid_data');
    expect(databaseFailure(withCode('23505'))).toBeNull();
    expect(databaseFailure(new TypeError('x is undefined'))).toBeNull();
  });
});

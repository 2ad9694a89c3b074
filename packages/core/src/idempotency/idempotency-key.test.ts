import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  idempotencyKeyHash,
  openResponse,
  parseIdempotencyKey,
  requestFingerprint,
  sealResponse,
} from './idempotency-key.js';

const problemOf = (raw: string) => {
  try {
    parseIdempotencyKey(raw);
    return null;
  } catch (err) {
    return err instanceof AppError ? err.problems[0] : err;
  }
};

describe('Idempotency-Key values', () => {
  it('takes a bare key (Stripe) and the draft’s quoted string, as the same key', () => {
    expect(parseIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe(
      '8e03978e-40d5-43e8-bc93-6894a57f9324',
    );
    expect(parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe(
      '8e03978e-40d5-43e8-bc93-6894a57f9324',
    );
    expect(parseIdempotencyKey('k'.repeat(255))).toHaveLength(255);
  });

  it.each([
    ['', 'invalid_format'],
    ['""', 'invalid_format'],
    ['k'.repeat(256), 'too_long'],
    ['tab\there', 'invalid_format'],
    ['khoá', 'invalid_format'],
    ['"a"b"', 'invalid_format'],
  ])('refuses %j (%s), naming the header', (raw, reason) => {
    expect(problemOf(raw)).toEqual(expect.objectContaining({ field: 'idempotency-key', reason }));
  });

  it('fingerprints a payload whatever the order of its keys, and tells payloads apart', () => {
    const a = requestFingerprint('k', { text: 'x', citizen: { name: 'A', phone: '1' } });
    const b = requestFingerprint('k', { citizen: { phone: '1', name: 'A' }, text: 'x' });
    expect(a).toBe(b);
    expect(requestFingerprint('k', { text: 'y' })).not.toBe(requestFingerprint('k', { text: 'x' }));
    // Keyed: the same words under another key hash differently.
    expect(requestFingerprint('other', { text: 'x' })).not.toBe(
      requestFingerprint('k', { text: 'x' }),
    );
  });

  it('keys of different callers never meet', () => {
    expect(idempotencyKeyHash('k', 'official-1')).not.toBe(idempotencyKeyHash('k', 'official-2'));
    expect(idempotencyKeyHash('k', null)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('seals an answer only the key can open', () => {
    const sealed = sealResponse('key-1', 'POST /v1/cases', { ownerToken: 'bí mật' });
    expect(sealed).not.toContain('bí mật');
    expect(openResponse('key-1', 'POST /v1/cases', sealed)).toEqual({ ownerToken: 'bí mật' });
    expect(() => openResponse('key-2', 'POST /v1/cases', sealed)).toThrow();
    expect(() => openResponse('key-1', 'portal submit', sealed)).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { redactContacts } from './redact-contacts.js';

describe('redactContacts', () => {
  it('removes the address it is given, and any e-mail or phone number', () => {
    expect(
      redactContacts(
        '550 5.1.1 <nguyen.a@mail.vn>: Recipient address rejected',
        'nguyen.a@mail.vn',
      ),
    ).toBe('550 5.1.1 <[address]>: Recipient address rejected');
    expect(redactContacts('invalid number +84912345678 (0912 345 678)')).toBe(
      'invalid number [phone] ([phone])',
    );
    expect(redactContacts('bounce for other@x.com.vn')).toBe('bounce for [email]');
  });

  it('keeps status codes, times and ids', () => {
    const text = 'SMS gateway answered 503 after 5000 ms (request 1234567)';
    expect(redactContacts(text)).toBe(text);
  });
});

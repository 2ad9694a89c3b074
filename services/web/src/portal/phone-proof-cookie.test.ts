import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  openPhoneProof,
  PHONE_PROOF_TTL_SECONDS,
  rememberPhone,
  sealPhoneProof,
} from './phone-proof-cookie.js';

const SECRET = 'a-session-secret-of-some-length';
const PHONE = '+84912345678';
const NOW = new Date('2027-03-01T02:00:00Z');
const LATER = new Date(NOW.getTime() + 60_000);

describe('the proven-phone cookie', () => {
  it('opens to the phone until it expires; not after, not with another key, not altered', () => {
    const sealed = sealPhoneProof(SECRET, PHONE, LATER);
    expect(openPhoneProof(SECRET, sealed, NOW)).toBe(PHONE);
    expect(openPhoneProof(SECRET, sealed, LATER)).toBeNull();
    expect(openPhoneProof('another-secret-entirely', sealed, NOW)).toBeNull();
    const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.at(-1)}`;
    expect(openPhoneProof(SECRET, flipped, NOW)).toBeNull();
    expect(openPhoneProof(SECRET, 'garbage', NOW)).toBeNull();
    // Sealed, not merely signed: the number cannot be read from the cookie.
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('912345678');
  });

  it('is HttpOnly, SameSite=Lax, scoped to the page, short-lived, and Secure when asked', async () => {
    const app = Fastify();
    await app.register(fastifyCookie);
    app.get('/:secure', async (request, reply) => {
      const { secure } = request.params as { secure: string };
      rememberPhone(reply, SECRET, PHONE, secure === 'yes', NOW);
      return 'ok';
    });
    const secure = (await app.inject('/yes')).headers['set-cookie'] as string;
    expect(secure).toMatch(/^hl_phone=[\w-]+;/);
    expect(secure).toContain(`Max-Age=${PHONE_PROOF_TTL_SECONDS}`);
    expect(secure).toContain('Path=/phan-anh-cua-toi');
    expect(secure).toContain('HttpOnly');
    expect(secure).toContain('SameSite=Lax');
    expect(secure).toContain('Secure');
    expect((await app.inject('/no')).headers['set-cookie']).not.toContain('Secure');
    await app.close();
  });
});

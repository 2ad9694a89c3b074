import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { adminRequest, startSystem, type TestSystem } from '../support/system.js';
import { addSignInOfficial, call, signIn, sleep } from './auth-client.js';
import { sessionOf } from '../admin/audit-helpers.js';

let sys: TestSystem;

beforeAll(async () => {
  sys = await startSystem({
    label: 'auth-sessions',
    withWorker: false,
    env: { COOKIE_SECURE: 'false', RATE_LIMIT_PER_MINUTE: '0' },
  });
}, 60_000);
afterAll(async () => sys?.close());

const operator = () => addSignInOfficial(sys.database.db, sys.province.triageUnitId, ['operator']);
const callerCases = (cookie: string, csrf?: string) =>
  call(sys.baseUrl, 'POST', '/v1/calls/caller-cases', {
    body: { phone: '0912345678' },
    cookie,
    ...(csrf ? { csrf } : {}),
  });
const kindsOf = async (id: string) =>
  (
    await sys.database.db
      .select()
      .from(tables.authEvents)
      .where(eq(tables.authEvents.officialId, id))
  ).map((e) => e.kind);

describe('session cookie on officials’ routes', () => {
  it('a cookie POST needs the CSRF token; a GET does not; no cookie 401', async () => {
    const o = await operator();
    const s = await signIn(sys.baseUrl, o.email);
    const without = await callerCases(s.cookie);
    expect([without.status, without.body!.code]).toEqual([403, 'CSRF_INVALID']);
    const forged = await callerCases(s.cookie, 'not-the-token');
    expect(forged.status).toBe(403);
    const ok = await callerCases(s.cookie, s.csrf);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await callerCases('hotline_session=made-up', s.csrf)).status).toBe(401);
  });

  it('sign-out makes the cookie useless at once', async () => {
    const o = await operator();
    const s = await signIn(sys.baseUrl, o.email);
    expect(
      (await call(sys.baseUrl, 'POST', '/v1/auth/sign-out', { cookie: s.cookie })).status,
    ).toBe(403);
    const out = await call(sys.baseUrl, 'POST', '/v1/auth/sign-out', {
      cookie: s.cookie,
      csrf: s.csrf,
    });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/hotline_session=;/);
    expect((await call(sys.baseUrl, 'GET', '/v1/auth/me', { cookie: s.cookie })).status).toBe(401);
    expect((await callerCases(s.cookie, s.csrf)).status).toBe(401);
    expect(await kindsOf(o.id)).toEqual(['sign_in', 'sign_out']);
  });

  it('an official lists and revokes their own sessions, not others’', async () => {
    const o = await operator();
    const other = await operator();
    const a = await signIn(sys.baseUrl, o.email);
    const b = await signIn(sys.baseUrl, o.username);
    const c = await signIn(sys.baseUrl, other.email);
    const list = await call(sys.baseUrl, 'GET', '/v1/auth/sessions', { cookie: a.cookie });
    const sessions = list.body!.sessions as { id: string; isCurrent: boolean }[];
    expect(sessions).toHaveLength(2);
    const bId = sessions.find((x) => !x.isCurrent)!.id;
    const otherId = (
      (await call(sys.baseUrl, 'GET', '/v1/auth/sessions', { cookie: c.cookie })).body!
        .sessions as { id: string }[]
    )[0]!.id;
    const notMine = await call(sys.baseUrl, 'DELETE', `/v1/auth/sessions/${otherId}`, {
      cookie: a.cookie,
      csrf: a.csrf,
    });
    expect(notMine.status).toBe(404);
    const mine = await call(sys.baseUrl, 'DELETE', `/v1/auth/sessions/${bId}`, {
      cookie: a.cookie,
      csrf: a.csrf,
    });
    expect(mine.status).toBe(204);
    expect((await call(sys.baseUrl, 'GET', '/v1/auth/me', { cookie: b.cookie })).status).toBe(401);
    expect((await call(sys.baseUrl, 'GET', '/v1/auth/me', { cookie: c.cookie })).status).toBe(200);
    expect(await kindsOf(o.id)).toContain('session_revoked');
  });

  it('an administrator’s revoke ends every session of the official at once', async () => {
    const o = await operator();
    const a = await signIn(sys.baseUrl, o.email);
    const b = await signIn(sys.baseUrl, o.email);
    const res = await adminRequest(
      sys.baseUrl,
      'POST',
      `/v1/admin/officials/${o.id}/revoke-sessions`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ revoked: 2 });
    for (const s of [a, b]) {
      expect((await callerCases(s.cookie, s.csrf)).status).toBe(401);
    }
    expect(await kindsOf(o.id)).toContain('sessions_revoked');
    // A non-admin official's session may not do it.
    const other = await signIn(sys.baseUrl, (await operator()).email);
    const refused = await call(sys.baseUrl, 'POST', `/v1/admin/officials/${o.id}/revoke-sessions`, {
      cookie: other.cookie,
      csrf: other.csrf,
    });
    expect(refused.status).toBe(403);
  });

  it('a password reset gives a one-time password that must be changed first', async () => {
    const o = await operator();
    const before = await signIn(sys.baseUrl, o.email);
    const path = `/v1/admin/officials/${o.id}/reset-password`;
    // An automation token cannot take an account over: only a signed-in administrator resets.
    const byToken = await adminRequest(sys.baseUrl, 'POST', path);
    expect([byToken.status, byToken.body!.code]).toEqual([403, 'FORBIDDEN']);
    const admin = await sessionOf(sys.baseUrl, sys.database.db, sys.province.triageUnitId, 'admin');
    const reset = await admin.request('POST', path);
    expect(reset.status).toBe(200);
    const temporary = reset.body!.temporaryPassword as string;
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    expect((await call(sys.baseUrl, 'GET', '/v1/auth/me', { cookie: before.cookie })).status).toBe(
      401,
    );
    const s = await signIn(sys.baseUrl, o.email, temporary);
    expect(s.status).toBe(200);
    expect(s.body!.mustChangePassword).toBe(true);
    const blocked = await callerCases(s.cookie, s.csrf);
    expect([blocked.status, blocked.body!.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
    const change = (body: unknown) =>
      call(sys.baseUrl, 'POST', '/v1/auth/password', { body, cookie: s.cookie, csrf: s.csrf });
    expect((await change({ current: temporary, new: 'short' })).status).toBe(400);
    expect((await change({ current: temporary, new: o.email })).status).toBe(400);
    expect((await change({ current: 'wrong-password', new: 'a-brand-new-password' })).status).toBe(
      401,
    );
    expect((await change({ current: temporary, new: 'a-brand-new-password' })).status).toBe(204);
    expect((await callerCases(s.cookie, s.csrf)).status).toBe(200);
    expect((await signIn(sys.baseUrl, o.email, temporary)).status).toBe(401);
    expect((await signIn(sys.baseUrl, o.email, 'a-brand-new-password')).status).toBe(200);
    const kinds = await kindsOf(o.id);
    expect(kinds).toContain('password_reset');
    expect(kinds).toContain('password_changed');
  });
});

describe('timeouts (short, via env) and the Secure flag', () => {
  let short: TestSystem;
  beforeAll(async () => {
    short = await startSystem({
      label: 'auth-timeouts',
      withWorker: false,
      // Idle 1.2 s, absolute 3.6 s; COOKIE_SECURE left at its default (true).
      env: {
        SESSION_IDLE_MINUTES: '0.02',
        SESSION_ABSOLUTE_HOURS: '0.001',
        RATE_LIMIT_PER_MINUTE: '0',
      },
    });
  }, 60_000);
  afterAll(async () => short?.close());

  const me = (cookie: string) => call(short.baseUrl, 'GET', '/v1/auth/me', { cookie });

  it('sets Secure by default', async () => {
    const o = await addSignInOfficial(short.database.db, short.province.triageUnitId, ['operator']);
    const s = await signIn(short.baseUrl, o.email);
    expect(s.setCookie).toMatch(/; Secure/i);
    expect(s.setCookie).toMatch(/HttpOnly/i);
  });

  it('an idle session expires; activity keeps it alive until the absolute limit', async () => {
    const o = await addSignInOfficial(short.database.db, short.province.triageUnitId, ['operator']);
    const idle = await signIn(short.baseUrl, o.email);
    await sleep(1500);
    expect((await me(idle.cookie)).status).toBe(401);

    const busy = await signIn(short.baseUrl, o.email);
    const started = Date.now();
    while (Date.now() - started < 3000) {
      expect((await me(busy.cookie)).status).toBe(200);
      await sleep(600);
    }
    await sleep(Math.max(0, 3800 - (Date.now() - started)));
    expect((await me(busy.cookie)).status).toBe(401);
  }, 20_000);
});

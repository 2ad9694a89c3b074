import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '@hotline/core';
import { tables } from '@hotline/db';
import { startSystem, TEST_ADMIN_TOKEN, type TestSystem } from '../support/system.js';
import { addSignInOfficial, call, PASSWORD, signIn } from './auth-client.js';

let sys: TestSystem;

beforeAll(async () => {
  sys = await startSystem({
    label: 'auth',
    withWorker: false,
    env: { COOKIE_SECURE: 'false', RATE_LIMIT_PER_MINUTE: '0' },
  });
}, 60_000);
afterAll(async () => sys?.close());

const officialRow = async (id: string) => {
  const [row] = await sys.database.db
    .select()
    .from(tables.officials)
    .where(eq(tables.officials.id, id));
  return row!;
};
const eventsOf = async (id: string) =>
  (
    await sys.database.db
      .select()
      .from(tables.authEvents)
      .where(eq(tables.authEvents.officialId, id))
  ).map((e) => e.kind);

describe('sign-in', () => {
  it('signs in with e-mail or username; sets a strict httpOnly cookie; /me works', async () => {
    const o = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, ['operator']);
    const byEmail = await signIn(sys.baseUrl, o.email.toUpperCase());
    expect(byEmail.status, JSON.stringify(byEmail.body)).toBe(200);
    expect(byEmail.body!.official).toMatchObject({ id: o.id, roles: ['operator'] });
    expect(byEmail.csrf).toMatch(/.{40,}/);
    expect(byEmail.setCookie).toMatch(/^hotline_session=/);
    expect(byEmail.setCookie).toMatch(/HttpOnly/i);
    expect(byEmail.setCookie).toMatch(/SameSite=Strict/i);
    expect(byEmail.setCookie).toMatch(/Path=\//);
    expect(byEmail.setCookie).not.toMatch(/Secure/i);
    const byUsername = await signIn(sys.baseUrl, o.username);
    expect(byUsername.status).toBe(200);
    const me = await call(sys.baseUrl, 'GET', '/v1/auth/me', { cookie: byUsername.cookie });
    expect(me.status).toBe(200);
    expect(me.body!.csrfToken).toBe(byUsername.csrf);
    const list = await call(sys.baseUrl, 'GET', '/v1/auth/sessions', { cookie: byEmail.cookie });
    expect((list.body!.sessions as unknown[]).length).toBe(2);
    expect(await eventsOf(o.id)).toEqual(['sign_in', 'sign_in']);
    const [row] = await sys.database.db
      .select({ ip: tables.authEvents.ip, ua: tables.authEvents.userAgent })
      .from(tables.authEvents)
      .where(eq(tables.authEvents.officialId, o.id));
    expect(row!.ip).toBeTruthy();
  });

  it('a wrong password and an unknown login get the same 401; both are recorded', async () => {
    const o = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, ['handler']);
    const wrong = await signIn(sys.baseUrl, o.email, 'not-the-password');
    const unknown = await signIn(sys.baseUrl, 'nobody@test.gov.vn', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body!.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.setCookie).toBe('');
    const unknownRows = await sys.database.db
      .select()
      .from(tables.authEvents)
      .where(
        and(
          eq(tables.authEvents.identifier, 'nobody@test.gov.vn'),
          eq(tables.authEvents.kind, 'sign_in_failed'),
        ),
      );
    expect(unknownRows).toHaveLength(1);
    expect(JSON.stringify(unknownRows)).not.toContain('not-the-password');
  });

  it('locks after 5 failures, doubles per further failure, recovers and resets', async () => {
    const o = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, ['handler']);
    for (let i = 1; i <= 4; i++) {
      expect((await signIn(sys.baseUrl, o.email, 'wrong-password')).status).toBe(401);
    }
    const fifth = await signIn(sys.baseUrl, o.email, 'wrong-password');
    expect(fifth.status).toBe(423);
    expect(fifth.body!.code).toBe('ACCOUNT_LOCKED');
    let row = await officialRow(o.id);
    const firstLock = row.lockedUntil!.getTime() - Date.now();
    expect(firstLock).toBeGreaterThan(50_000);
    expect(firstLock).toBeLessThanOrEqual(60_000);
    // Even the right password is refused while locked.
    expect((await signIn(sys.baseUrl, o.email)).status).toBe(423);
    // The minute passes; one more failure locks for two.
    await sys.database.db
      .update(tables.officials)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(tables.officials.id, o.id));
    expect((await signIn(sys.baseUrl, o.email, 'wrong-password')).status).toBe(423);
    row = await officialRow(o.id);
    expect(row.failedSignIns).toBe(6);
    expect(row.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(110_000);
    await sys.database.db
      .update(tables.officials)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(tables.officials.id, o.id));
    expect((await signIn(sys.baseUrl, o.email)).status).toBe(200);
    row = await officialRow(o.id);
    expect(row.failedSignIns).toBe(0);
    expect(row.lockedUntil).toBeNull();
    const kinds = await eventsOf(o.id);
    expect(kinds.filter((k) => k === 'locked')).toHaveLength(2);
    expect(kinds).toContain('sign_in_blocked');
  });
});

describe('lockout of a login that matches nobody', () => {
  it('locks exactly like an account, so a lockout tells nothing about which logins exist', async () => {
    const o = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, ['handler']);
    const unknown = `nobody${Math.random().toString(36).slice(2, 8)}@test.gov.vn`;
    const answers = async (login: string) => {
      const seen: [number, unknown][] = [];
      for (let i = 1; i <= 6; i++) {
        const r = await signIn(sys.baseUrl, login, 'wrong-password');
        seen.push([r.status, r.body!.code]);
      }
      return seen;
    };
    const known = await answers(o.email);
    expect(known.map(([status]) => status)).toEqual([401, 401, 401, 401, 423, 423]);
    // Case and spaces do not make a fresh login.
    expect(await answers(`  ${unknown.toUpperCase()} `)).toEqual(known);
    const blocked = await signIn(sys.baseUrl, unknown, 'wrong-password');
    // The wait is in the message ("try again in N seconds").
    const retry = (r: typeof blocked) =>
      Number(
        /in (\d+) seconds/.exec(
          (r.body!.errors as { message: { en: string } }[])[0]!.message.en,
        )?.[1],
      );
    expect(retry(blocked)).toBeGreaterThan(50);
    expect(retry(blocked)).toBeLessThanOrEqual(60);
    // The minute passes; one more failure locks for two, as for an account.
    await sys.database.db.execute(
      sql`update auth_events set at = at - interval '61 seconds' where lower(identifier) = ${unknown}`,
    );
    const again = await signIn(sys.baseUrl, unknown, 'wrong-password');
    expect([again.status, again.body!.code]).toEqual([423, 'ACCOUNT_LOCKED']);
    expect(retry(again)).toBeGreaterThan(110);
  });
});

describe('TOTP', () => {
  it('an official who enabled TOTP must give a valid code', async () => {
    const o = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, ['supervisor']);
    const s = await signIn(sys.baseUrl, o.username);
    const enroll = await call(sys.baseUrl, 'POST', '/v1/auth/totp/enroll', {
      body: {},
      cookie: s.cookie,
      csrf: s.csrf,
    });
    expect(enroll.status, JSON.stringify(enroll.body)).toBe(200);
    const secret = enroll.body!.secret as string;
    expect(enroll.body!.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const confirm = await call(sys.baseUrl, 'POST', '/v1/auth/totp/confirm', {
      body: { code: totpCode(secret) },
      cookie: s.cookie,
      csrf: s.csrf,
    });
    expect(confirm.status, JSON.stringify(confirm.body)).toBe(204);
    expect((await officialRow(o.id)).totpSecret).not.toContain(secret);

    const none = await signIn(sys.baseUrl, o.username);
    expect([none.status, none.body!.code]).toEqual([401, 'TOTP_REQUIRED']);
    const wrongCode = totpCode(secret) === '000000' ? '111111' : '000000';
    const wrong = await signIn(sys.baseUrl, o.username, PASSWORD, wrongCode);
    expect([wrong.status, wrong.body!.code]).toEqual([401, 'TOTP_INVALID']);
    const ok = await signIn(sys.baseUrl, o.username, PASSWORD, totpCode(secret));
    expect(ok.status).toBe(200);
    // ±1 step is accepted.
    const previous = totpCode(secret, new Date(Date.now() - 30_000));
    expect((await signIn(sys.baseUrl, o.username, PASSWORD, previous)).status).toBe(200);
    expect(await eventsOf(o.id)).toContain('totp_enabled');
  });

  it('an administrator without TOTP must enroll before getting a session', async () => {
    const a = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, ['admin']);
    const first = await signIn(sys.baseUrl, a.email);
    expect([first.status, first.body!.code]).toEqual([403, 'TOTP_ENROLLMENT_REQUIRED']);
    expect(first.setCookie).toBe('');
    const enroll = await call(sys.baseUrl, 'POST', '/v1/auth/totp/enroll', {
      body: { login: a.email, password: PASSWORD },
    });
    expect(enroll.status).toBe(200);
    const secret = enroll.body!.secret as string;
    const badPassword = await call(sys.baseUrl, 'POST', '/v1/auth/totp/confirm', {
      body: { login: a.email, password: 'wrong-password', code: totpCode(secret) },
    });
    expect(badPassword.status).toBe(401);
    const confirm = await call(sys.baseUrl, 'POST', '/v1/auth/totp/confirm', {
      body: { login: a.email, password: PASSWORD, code: totpCode(secret) },
    });
    expect(confirm.status).toBe(204);
    // A stolen password cannot replace an enabled second factor.
    const again = await call(sys.baseUrl, 'POST', '/v1/auth/totp/enroll', {
      body: { login: a.email, password: PASSWORD },
    });
    expect(again.status).toBe(409);
    expect((await signIn(sys.baseUrl, a.email)).body!.code).toBe('TOTP_REQUIRED');
    expect((await signIn(sys.baseUrl, a.email, PASSWORD, totpCode(secret))).status).toBe(200);
  });

  it('an administrator resets a lost second factor: sessions end, the official enrolls again', async () => {
    const o = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, ['supervisor']);
    const s = await signIn(sys.baseUrl, o.username);
    const enroll = await call(sys.baseUrl, 'POST', '/v1/auth/totp/enroll', {
      body: {},
      cookie: s.cookie,
      csrf: s.csrf,
    });
    const secret = enroll.body!.secret as string;
    await call(sys.baseUrl, 'POST', '/v1/auth/totp/confirm', {
      body: { code: totpCode(secret) },
      cookie: s.cookie,
      csrf: s.csrf,
    });
    const withCode = await signIn(sys.baseUrl, o.username, PASSWORD, totpCode(secret));
    expect(withCode.status).toBe(200);

    const reset = (headers: Record<string, string>, id = o.id) =>
      fetch(`${sys.baseUrl}/v1/admin/officials/${id}/reset-totp`, { method: 'POST', headers });
    // Not for anyone else: the official's own session is refused.
    const own = await reset({ cookie: withCode.cookie, 'x-csrf-token': withCode.csrf });
    expect(own.status).toBe(403);
    expect(
      (await reset({ authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, randomUUID())).status,
    ).toBe(404);
    const done = await reset({ authorization: `Bearer ${TEST_ADMIN_TOKEN}` });
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ totpEnabled: false, mustEnrol: false, revokedSessions: 2 });

    expect(
      (await call(sys.baseUrl, 'GET', '/v1/auth/me', { cookie: withCode.cookie })).status,
    ).toBe(401);
    const row = await officialRow(o.id);
    expect([row.totpEnabled, row.totpSecret]).toEqual([false, null]);
    // The password alone signs in again; the old codes are worthless.
    expect((await signIn(sys.baseUrl, o.username)).status).toBe(200);
    expect(await eventsOf(o.id)).toContain('totp_reset');
    const audits = await sys.database.db
      .select()
      .from(tables.adminAudit)
      .where(
        and(
          eq(tables.adminAudit.entityId, o.id),
          eq(tables.adminAudit.action, 'official.totp_reset'),
        ),
      );
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0])).not.toContain(secret);
  });
});

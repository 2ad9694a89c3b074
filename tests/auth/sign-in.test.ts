import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '@hotline/core';
import { tables } from '@hotline/db';
import { createRedis } from '@hotline/queue';
import { startSystem, TEST_ADMIN_TOKEN, type TestSystem } from '../support/system.js';
import { addSignInOfficial, call, PASSWORD, signIn } from './auth-client.js';
import { sessionOf } from '../admin/audit-helpers.js';

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

  it('a too-short login is a 400 with a stable code per field, not a sentence to show', async () => {
    const r = await signIn(sys.baseUrl, '', 'x');
    expect(r.status).toBe(400);
    expect(r.body!.code).toBe('VALIDATION_FAILED');
    expect(r.body!.errors).toContainEqual(
      expect.objectContaining({ field: 'login', reason: 'too_short', params: { limit: 1 } }),
    );
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
});

/** A sign-in from an address of its own (a device cookie when given); status, body, headers. */
async function signInFrom(
  ip: string,
  login: string,
  password = PASSWORD,
  extra: { totp?: string; deviceCookie?: string } = {},
) {
  const res = await sys.api.inject({
    method: 'POST',
    url: '/v1/auth/sign-in',
    remoteAddress: ip,
    headers: extra.deviceCookie ? { cookie: extra.deviceCookie } : {},
    payload: { login, password, ...(extra.totp ? { totp: extra.totp } : {}) },
  });
  const device = res.cookies.find((c) => c.name === 'hotline_device');
  return {
    status: res.statusCode,
    code: res.json<{ code?: string }>().code,
    retryAfter:
      res.headers['retry-after'] === undefined ? null : Number(res.headers['retry-after']),
    deviceCookie: device ? `hotline_device=${device.value}` : undefined,
    device,
  };
}

/**
 * A Retry-After of `seconds`, counted from the failure before: rounded up, it reads one less
 * when the machine took over a second between the two requests.
 */
const waitOf = (seconds: number): number =>
  expect.toSatisfy((v: number) => v === seconds || v === seconds - 1) as number;

let lastOctet = 0;
/** A fresh source address. */
const newAddress = () => {
  lastOctet += 1;
  return `10.${Math.floor(lastOctet / 250)}.${lastOctet % 250}.7`;
};

/** Moves the last failure of an account from an address an hour back: its wait has passed. */
async function rewindSourceFailures(officialId: string, ip: string) {
  const redis = createRedis(sys.config.redisUrl, 'probe');
  await new Promise((ready) => redis.once('ready', ready));
  try {
    const key = `${sys.config.redisPrefix}:sign-in:pair:official:${officialId}|address:${ip}`;
    await redis.hset(key, 'last', Date.now() - 3_600_000);
  } finally {
    redis.disconnect();
  }
}

describe('sign-in throttling: slows the guesser, never locks the owner out', () => {
  it('slows one source progressively: three free failures, then 2 s, 4 s, 8 s…', async () => {
    const o = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, ['handler']);
    const attacker = newAddress();
    const tries = [];
    for (let i = 0; i < 5; i++) tries.push(await signInFrom(attacker, o.email, 'wrong-password'));
    expect(tries.map((t) => t.status)).toEqual([401, 401, 401, 423, 423]);
    expect(tries[3]).toMatchObject({ code: 'ACCOUNT_LOCKED', retryAfter: waitOf(2) });
    // Even the right password waits: a waiting source learns nothing.
    expect((await signInFrom(attacker, o.email)).status).toBe(423);
    // Each wait that passes and fails again doubles the next one.
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await rewindSourceFailures(o.id, attacker);
      expect((await signInFrom(attacker, o.email, 'wrong-password')).status).toBe(401);
      waits.push((await signInFrom(attacker, o.email, 'wrong-password')).retryAfter!);
    }
    expect(waits).toEqual([waitOf(4), waitOf(8), waitOf(16)]);
    // The owner, from elsewhere, is not slowed at all; their success clears only their count.
    expect((await signInFrom(newAddress(), o.email)).status).toBe(200);
    expect((await signInFrom(attacker, o.email)).status).toBe(423);
    const kinds = await eventsOf(o.id);
    expect(kinds.filter((k) => k === 'sign_in_failed')).toHaveLength(6);
    expect(kinds).toContain('sign_in_blocked');
  });

  it('a flood from many sources stops unknown devices, never the owner’s known device', async () => {
    const o = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, ['handler']);
    const owner = await signInFrom(newAddress(), o.username);
    expect(owner.status).toBe(200);
    expect(owner.deviceCookie).toMatch(/^hotline_device=v1\./);
    expect(owner.device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/v1/auth/' });
    // 100 wrong passwords (the ceiling), at most three per address: no source is slowed.
    for (let n = 0; n < 100; n++) {
      const ip = `10.200.${Math.floor(n / 3)}.9`;
      expect((await signInFrom(ip, o.email, 'wrong-password')).status).toBe(401);
    }
    const elsewhere = newAddress();
    const unknownDevice = await signInFrom(elsewhere, o.email);
    expect(unknownDevice).toMatchObject({ status: 423, code: 'ACCOUNT_LOCKED' });
    expect(unknownDevice.retryAfter).toBeGreaterThan(3000);
    // The owner's browser signed in before: it gets in, from any address.
    const deviceCookie = owner.deviceCookie!;
    expect((await signInFrom(elsewhere, o.email, PASSWORD, { deviceCookie })).status).toBe(200);
    // A forged or altered device cookie is no cookie at all.
    const forged = deviceCookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const withForged = await signInFrom(elsewhere, o.email, PASSWORD, { deviceCookie: forged });
    expect(withForged.status).toBe(423);
    // The known device still has its own per-source delay: it cannot be used to guess.
    for (let i = 0; i < 3; i++) {
      const r = await signInFrom(elsewhere, o.email, 'wrong-password', { deviceCookie });
      expect(r.status).toBe(401);
    }
    const slowed = await signInFrom(elsewhere, o.email, PASSWORD, { deviceCookie });
    expect([slowed.status, slowed.retryAfter]).toEqual([423, waitOf(2)]);
  });

  it('throttles a login that matches nobody exactly like an account', async () => {
    const o = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, ['handler']);
    const unknown = `nobody${Math.random().toString(36).slice(2, 8)}@test.gov.vn`;
    const answers = async (login: string) => {
      const ip = newAddress();
      const seen = [];
      for (let i = 0; i < 5; i++) {
        const r = await signInFrom(ip, login, 'wrong-password');
        seen.push([r.status, r.code, r.retryAfter]);
      }
      return seen;
    };
    const known = await answers(o.email);
    expect(known.map(([status]) => status)).toEqual([401, 401, 401, 423, 423]);
    // Case and spaces do not make a fresh login.
    expect(await answers(`  ${unknown.toUpperCase()} `)).toEqual(known);
  });
});

describe('TOTP', () => {
  /** A supervisor who enrolled a second factor from a session, and what enrolment answered. */
  async function enrolledOfficial() {
    const o = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, ['supervisor']);
    const s = await signIn(sys.baseUrl, o.username);
    const enroll = await call(sys.baseUrl, 'POST', '/v1/auth/totp/enroll', {
      body: {},
      cookie: s.cookie,
      csrf: s.csrf,
    });
    const secret = enroll.body!.secret as string;
    const confirm = await call(sys.baseUrl, 'POST', '/v1/auth/totp/confirm', {
      body: { code: totpCode(secret) },
      cookie: s.cookie,
      csrf: s.csrf,
    });
    return { o, enroll, secret, confirm };
  }

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
    expect(enroll.body!.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const confirm = await call(sys.baseUrl, 'POST', '/v1/auth/totp/confirm', {
      body: { code: totpCode(secret) },
      cookie: s.cookie,
      csrf: s.csrf,
    });
    expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
    expect((await officialRow(o.id)).totpSecret).not.toContain(secret);

    const none = await signIn(sys.baseUrl, o.username);
    expect([none.status, none.body!.code]).toEqual([401, 'TOTP_REQUIRED']);
    const wrongCode = totpCode(secret) === '000000' ? '111111' : '000000';
    const wrong = await signIn(sys.baseUrl, o.username, PASSWORD, wrongCode);
    expect([wrong.status, wrong.body!.code]).toEqual([401, 'TOTP_INVALID']);
    // ±1 step is accepted.
    const previous = totpCode(secret, new Date(Date.now() - 30_000));
    expect((await signIn(sys.baseUrl, o.username, PASSWORD, previous)).status).toBe(200);
    const ok = await signIn(sys.baseUrl, o.username, PASSWORD, totpCode(secret));
    expect(ok.status).toBe(200);
    expect(await eventsOf(o.id)).toContain('totp_enabled');
  });

  it('a code signs in once: replayed, or older than the last one used, it is refused', async () => {
    const { o, secret, confirm } = await enrolledOfficial();
    expect(confirm.status).toBe(200);
    const now = totpCode(secret);
    expect((await signIn(sys.baseUrl, o.username, PASSWORD, now)).status).toBe(200);
    const replay = await signIn(sys.baseUrl, o.username, PASSWORD, now);
    expect([replay.status, replay.body!.code]).toEqual([401, 'TOTP_INVALID']);
    const previous = totpCode(secret, new Date(Date.now() - 30_000));
    if (previous !== now) {
      const older = await signIn(sys.baseUrl, o.username, PASSWORD, previous);
      expect([older.status, older.body!.code]).toEqual([401, 'TOTP_INVALID']);
    }
    // The next step's code (the phone's clock a little ahead) is still good, once.
    const next = totpCode(secret, new Date(Date.now() + 30_000));
    expect((await signIn(sys.baseUrl, o.username, PASSWORD, next)).status).toBe(200);
    expect((await signIn(sys.baseUrl, o.username, PASSWORD, next)).status).toBe(401);
    expect((await officialRow(o.id)).totpLastStep).not.toBeNull();
  });

  it('recovery codes are shown once at enrolment, each signs in once, a new set kills the old', async () => {
    const { o, secret, confirm } = await enrolledOfficial();
    const codes = confirm.body!.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    // Only keyed hashes are kept.
    const stored = await sys.database.db
      .select()
      .from(tables.totpRecoveryCodes)
      .where(eq(tables.totpRecoveryCodes.officialId, o.id));
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.replace('-', ''));

    const withRecovery = (recoveryCode: string, password = PASSWORD) =>
      call(sys.baseUrl, 'POST', '/v1/auth/sign-in', {
        body: { login: o.username, password, recoveryCode },
      });
    // Typed from paper: lower case, a space for the dash.
    const first = await withRecovery(codes[0]!.toLowerCase().replace('-', ' '));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body!.recoveryCodesLeft).toBe(9);
    const again = await withRecovery(codes[0]!);
    expect([again.status, again.body!.code]).toEqual([401, 'TOTP_INVALID']);
    const unknown = await withRecovery('ABCDE-FGHJK');
    expect([unknown.status, unknown.body!.code]).toEqual([401, 'TOTP_INVALID']);
    expect(await eventsOf(o.id)).toContain('recovery_code_used');

    // (A success clears the failures counted so far, so the throttle stays out of the way.)
    const session = await signIn(sys.baseUrl, o.username, PASSWORD, totpCode(secret));
    expect(session.status, JSON.stringify(session.body)).toBe(200);
    // The password is still needed with a recovery code.
    expect((await withRecovery(codes[1]!, 'not-the-password')).status).toBe(401);
    const renew = (password: string) =>
      call(sys.baseUrl, 'POST', '/v1/auth/totp/recovery-codes', {
        body: { password },
        cookie: session.cookie,
        csrf: session.csrf,
      });
    expect((await renew('not-the-password')).status).toBe(401);
    const renewed = await renew(PASSWORD);
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
    const fresh = renewed.body!.recoveryCodes as string[];
    expect(fresh.some((c) => codes.includes(c))).toBe(false);
    expect((await withRecovery(codes[2]!)).status).toBe(401);
    const withFresh = await withRecovery(fresh[0]!);
    expect(withFresh.status).toBe(200);
    expect(withFresh.body!.recoveryCodesLeft).toBe(9);
    expect(await eventsOf(o.id)).toContain('recovery_codes_renewed');
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
    expect(confirm.status).toBe(200);
    // A stolen password cannot replace an enabled second factor.
    const again = await call(sys.baseUrl, 'POST', '/v1/auth/totp/enroll', {
      body: { login: a.email, password: PASSWORD },
    });
    expect(again.status).toBe(409);
    expect((await signIn(sys.baseUrl, a.email)).body!.code).toBe('TOTP_REQUIRED');
    expect((await signIn(sys.baseUrl, a.email, PASSWORD, totpCode(secret))).status).toBe(200);
  });

  it('an administrator resets a lost second factor: sessions end, the official enrolls again', async () => {
    const { o, secret } = await enrolledOfficial();
    const withCode = await signIn(sys.baseUrl, o.username, PASSWORD, totpCode(secret));
    expect(withCode.status).toBe(200);

    const reset = (headers: Record<string, string>, id = o.id) =>
      fetch(`${sys.baseUrl}/v1/admin/officials/${id}/reset-totp`, { method: 'POST', headers });
    // Not for anyone else: the official's own session is refused.
    const own = await reset({ cookie: withCode.cookie, 'x-csrf-token': withCode.csrf });
    expect(own.status).toBe(403);
    // Nor for a token: only a signed-in administrator hands an account back.
    expect((await reset({ authorization: `Bearer ${TEST_ADMIN_TOKEN}` })).status).toBe(403);
    const admin = await sessionOf(sys.baseUrl, sys.database.db, sys.province.triageUnitId, 'admin');
    const asAdmin = { cookie: admin.sameOrigin.cookie, 'x-csrf-token': admin.csrf };
    expect((await reset(asAdmin, randomUUID())).status).toBe(404);
    const done = await reset(asAdmin);
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ totpEnabled: false, mustEnrol: false, revokedSessions: 2 });

    expect(
      (await call(sys.baseUrl, 'GET', '/v1/auth/me', { cookie: withCode.cookie })).status,
    ).toBe(401);
    const row = await officialRow(o.id);
    expect([row.totpEnabled, row.totpSecret]).toEqual([false, null]);
    const codesLeft = await sys.database.db
      .select()
      .from(tables.totpRecoveryCodes)
      .where(eq(tables.totpRecoveryCodes.officialId, o.id));
    expect(codesLeft).toHaveLength(0);
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

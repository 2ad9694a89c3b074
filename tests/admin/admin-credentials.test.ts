import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { addSignInOfficial, signIn } from '../auth/auth-client.js';
import { addOfficial, bearerFor } from '../support/officials.js';
import { adminRequest, startSystem, TEST_ADMIN_TOKEN, type TestSystem } from '../support/system.js';
import { auditWrittenBy, sessionOf } from './audit-helpers.js';

/**
 * No standing master key: the admin API opens to a signed-in administrator or to an admin's
 * admin-scoped API token, every refused credential is counted per source, and officials
 * always have a role.
 */
describe('admin credentials', () => {
  let s: TestSystem;
  let admin: Awaited<ReturnType<typeof sessionOf>>;

  beforeAll(async () => {
    s = await startSystem({
      withWorker: false,
      label: 'admin_credentials',
      // A deployment that still sets the old variable gets nothing from it.
      env: { ADMIN_TOKEN: 'local-demo-admin-token', COOKIE_SECURE: 'false' },
    });
    admin = await sessionOf(s.baseUrl, s.database.db, s.province.triageUnitId, 'admin');
  }, 30_000);
  afterAll(() => s?.close());

  const get = (path: string, headers: Record<string, string>, remoteAddress = '10.1.0.1') =>
    s.api.inject({ method: 'GET', url: path, headers, remoteAddress });

  it('has no master key: the old ADMIN_TOKEN, no credential or a non-admin are refused', async () => {
    expect((await get('/v1/admin/units', {})).statusCode).toBe(401);
    const old = await get('/v1/admin/units', { authorization: 'Bearer local-demo-admin-token' });
    expect(old.statusCode).toBe(401);
    const unit = s.province.triageUnitId;
    const supervisor = await addSignInOfficial(s.database.db, unit, ['supervisor']);
    const session = await signIn(s.baseUrl, supervisor.username);
    expect((await get('/v1/admin/units', { cookie: session.cookie })).statusCode).toBe(403);
    const operatorToken = await bearerFor(
      s.baseUrl,
      await addOfficial(s.database.db, unit, ['operator']),
    );
    expect((await get('/v1/admin/units', operatorToken)).statusCode).toBe(403);
    // An administrator's token without the admin scope opens nothing either.
    const plainAdminToken = await bearerFor(s.baseUrl, s.province.adminOfficialId, ['cases:read']);
    expect((await get('/v1/admin/units', plainAdminToken)).statusCode).toBe(403);
    const ok = await get('/v1/admin/units', { authorization: `Bearer ${TEST_ADMIN_TOKEN}` });
    expect(ok.statusCode).toBe(200);
  });

  it('an admin-scoped token is issued by a signed-in administrator, only to an administrator', async () => {
    const unit = s.province.triageUnitId;
    const handler = await addOfficial(s.database.db, unit, ['handler']);
    const body = { name: 'automation', scopes: ['admin'] };
    const toHandler = await admin.request('POST', `/v1/admin/officials/${handler}/tokens`, body);
    expect(toHandler.status).toBe(400);
    expect(toHandler.body!.errors).toEqual([
      expect.objectContaining({ field: 'scopes', reason: 'admin_scope_needs_admin_role' }),
    ]);
    // A token cannot mint admin tokens (a leaked one cannot perpetuate itself).
    const byToken = await adminRequest(
      s.baseUrl,
      'POST',
      `/v1/admin/officials/${s.province.adminOfficialId}/tokens`,
      body,
    );
    expect(byToken.status).toBe(403);
    const { res, rows } = await auditWrittenBy(s.baseUrl, () =>
      admin.request('POST', `/v1/admin/officials/${admin.id}/tokens`, body),
    );
    expect(res.status).toBe(201);
    expect(rows).toEqual([
      expect.objectContaining({ action: 'official_token.issue', officialId: admin.id }),
    ]);
    const token = { authorization: `Bearer ${(res.body as { token: string }).token}` };
    // The token acts as its official: the audit names them, never nobody.
    const change = await auditWrittenBy(s.baseUrl, async () => {
      const r = await s.api.inject({
        method: 'POST',
        url: '/v1/admin/blocked-phones',
        headers: token,
        payload: { phone: '0912000333', reason: 'Tin rác' },
      });
      return { status: r.statusCode, body: r.json() };
    });
    expect(change.res.status).toBe(201);
    expect(change.rows.map((r) => r.officialId)).toEqual([admin.id]);
    // The official stops being an administrator: the token opens nothing at once.
    const demoted = await adminRequest(s.baseUrl, 'PATCH', `/v1/admin/officials/${admin.id}`, {
      roles: ['supervisor'],
    });
    expect(demoted.status).toBe(200);
    expect((await get('/v1/admin/units', token)).statusCode).toBe(403);
  });

  it('counts refused credentials per source: 150 wrong tokens get 429 after 20', async () => {
    const attacker = '10.66.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < 150; i++) {
      const r = await get('/v1/admin/units', { authorization: `Bearer hlt_guess${i}` }, attacker);
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(130).fill(429));
    const blocked = await get('/v1/queues/all', { authorization: 'Bearer hlt_x' }, attacker);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // The source is not even heard with a good token; another source is not affected.
    const good = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    expect((await get('/v1/admin/units', good, attacker)).statusCode).toBe(429);
    expect((await get('/v1/admin/units', good, '10.66.0.2')).statusCode).toBe(200);
    // The queue dashboard is closed to that source as well.
    const dashboard = await get('/admin/queues', { authorization: 'Bearer hlt_x' }, attacker);
    expect(dashboard.statusCode).toBe(429);
  });

  it('counts wrong Open311 API keys per source the same way', async () => {
    const post = (key: string) =>
      s.api.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        remoteAddress: '10.77.0.1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          api_key: key,
          service_code: 'xay-dung',
          description: 'Ổ gà lớn trên đường, rất nguy hiểm cho xe máy',
        }).toString(),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await post(`wrong-key-${i}`)).statusCode);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(403));
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it('counts wrong current passwords (changing one’s own) the same way', async () => {
    const o = await addSignInOfficial(s.database.db, s.province.triageUnitId, ['handler']);
    const session = await signIn(s.baseUrl, o.username);
    const change = (current: string) =>
      s.api.inject({
        method: 'POST',
        url: '/v1/auth/password',
        remoteAddress: '10.88.0.1',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
        payload: { current, new: 'Mot-mat-khau-moi-rat-dai-2026' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await change(`sai-${i}`)).statusCode);
    expect(statuses).toEqual([...Array<number>(20).fill(401), 429]);
  });

  it('an official has at least one role: 400 on create and change, and the database says so', async () => {
    const create = await adminRequest(s.baseUrl, 'POST', '/v1/admin/officials', {
      unitCode: 'triage',
      fullName: 'Không Vai Trò',
      email: 'khong-vai-tro@test.gov.vn',
      roles: [],
    });
    expect(create.status).toBe(400);
    expect(create.body!.errors).toEqual([expect.objectContaining({ field: 'roles' })]);
    const someone = await addOfficial(s.database.db, s.province.triageUnitId, ['handler']);
    const patch = await adminRequest(s.baseUrl, 'PATCH', `/v1/admin/officials/${someone}`, {
      roles: [],
    });
    expect(patch.status).toBe(400);
    await expect(
      s.database.db
        .update(tables.officials)
        .set({ roles: [] })
        .where(eq(tables.officials.id, someone)),
    ).rejects.toThrow();
  });
});

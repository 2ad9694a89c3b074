import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRequest, startSystem, type TestSystem } from '../support/system.js';
import { addOfficial } from '../support/officials.js';
import { auditOf, unitByCode } from './admin-helpers.js';

type Body = Record<string, unknown>;
const fieldsOf = (body: Body | null) =>
  ((body?.errors as { field: string }[] | undefined) ?? []).map((e) => e.field);

describe('administration: units, officials, hotlines, categories', () => {
  let s: TestSystem;
  const req = (method: string, path: string, body?: unknown) =>
    adminRequest(s.baseUrl, method, path, body);
  beforeAll(async () => {
    s = await startSystem({ withWorker: false, label: 'admin_crud' });
  });
  afterAll(() => s.close());

  it('refuses without the admin token or an admin session', async () => {
    const res = await fetch(`${s.baseUrl}/v1/admin/units`, {
      headers: { authorization: 'Bearer wrong' },
    });
    expect(res.status).toBe(401);
    expect((await fetch(`${s.baseUrl}/v1/admin/units`)).status).toBe(401);
  });

  it('creates, changes and lists units as a tree, without cycles, with audit rows', async () => {
    const created = await req('POST', '/v1/admin/units', {
      code: 'xa-tan-an',
      name: 'Xã Tân An',
      kind: 'commune',
      parentCode: 'huyen-a',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'xa-tan-an',
      parentCode: 'huyen-a',
      isActive: true,
    });

    const bad = await req('POST', '/v1/admin/units', {
      code: 'Bad Code',
      name: 'x',
      kind: 'commune',
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toContain('code');
    const badKind = await req('POST', '/v1/admin/units', {
      code: 'x-1',
      name: 'x',
      kind: 'village',
    });
    expect(badKind.status).toBe(400);
    expect(fieldsOf(badKind.body)).toContain('kind');
    const noParent = await req('POST', '/v1/admin/units', {
      code: 'x-2',
      name: 'x',
      kind: 'commune',
      parentCode: 'nowhere',
    });
    expect(noParent.status).toBe(400);
    expect(fieldsOf(noParent.body)).toEqual(['parentCode']);
    const dup = await req('POST', '/v1/admin/units', {
      code: 'xa-tan-an',
      name: 'x',
      kind: 'commune',
    });
    expect(dup.status).toBe(409);

    // huyen-a under its own commune would be a cycle.
    const cycle = await req('PATCH', '/v1/admin/units/huyen-a', { parentCode: 'xa-tan-an' });
    expect(cycle.status).toBe(409);
    expect(fieldsOf(cycle.body)).toEqual(['parentCode']);
    const self = await req('PATCH', '/v1/admin/units/huyen-a', { parentCode: 'huyen-a' });
    expect(self.status).toBe(409);
    const triage = await req('PATCH', '/v1/admin/units/xa-tan-an', { isTriage: true });
    expect(triage.status).toBe(409);
    expect(triage.body!.message).toContain('triage');
    const calendar = await req('PATCH', '/v1/admin/units/xa-tan-an', { calendarId: 'nope' });
    expect(calendar.status).toBe(400);
    expect(fieldsOf(calendar.body)).toEqual(['calendarId']);

    const moved = await req('PATCH', '/v1/admin/units/xa-tan-an', {
      name: 'Phường Tân An',
      parentCode: 'province',
      resolutionNeedsApproval: true,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ name: 'Phường Tân An', parentCode: 'province' });

    const tree = await req('GET', '/v1/admin/units');
    expect(tree.status).toBe(200);
    const roots = tree.body!.units as { code: string; children: { code: string }[] }[];
    expect(roots.map((r) => r.code)).toEqual(['province']);
    expect(roots[0]!.children.map((c) => c.code)).toEqual(
      expect.arrayContaining(['triage', 'so-xay-dung', 'huyen-a', 'xa-tan-an']),
    );

    const id = (created.body as { id: string }).id;
    const rows = await auditOf(s.database.db, 'unit', id);
    expect(rows.map((r) => r.action)).toEqual(['unit.create', 'unit.update']);
    expect(rows[0]).toMatchObject({ officialId: s.province.adminOfficialId, before: null });
    expect(rows[1]!.before).toMatchObject({ name: 'Xã Tân An', parentCode: 'huyen-a' });
    expect(rows[1]!.after).toMatchObject({ name: 'Phường Tân An', parentCode: 'province' });
  });

  it('deactivates an empty unit, and refuses one with active officials (409: merge it)', async () => {
    await req('POST', '/v1/admin/units', { code: 'xa-trong', name: 'Xã Trống', kind: 'commune' });
    const staffed = await unitByCode(s.database.db, 'xa-a1');
    await addOfficial(s.database.db, staffed.id, ['handler']);
    const refused = await req('POST', '/v1/admin/units/xa-a1/deactivate');
    expect(refused.status).toBe(409);
    expect(refused.body!.message).toMatch(/1 active official.*merge/);
    const done = await req('POST', '/v1/admin/units/xa-trong/deactivate');
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ isActive: false });
    const tree = await req('GET', '/v1/admin/units');
    expect(JSON.stringify(tree.body)).not.toContain('xa-trong');
    expect(
      JSON.stringify((await req('GET', '/v1/admin/units?includeInactive=true')).body),
    ).toContain('xa-trong');
    const unit = await unitByCode(s.database.db, 'xa-trong');
    const rows = await auditOf(s.database.db, 'unit', unit.id);
    expect(rows.at(-1)).toMatchObject({ action: 'unit.deactivate' });
  });

  it('creates officials, filters them, changes roles and refuses a taken e-mail or a bad role', async () => {
    const created = await req('POST', '/v1/admin/officials', {
      unitCode: 'so-xay-dung',
      fullName: 'Nguyễn Thị Chuyên Viên',
      email: 'CV1@test.gov.vn',
      phone: '0912 345 678',
      roles: ['handler'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'cv1@test.gov.vn', phone: '+84912345678' });
    const id = (created.body as { id: string }).id;

    const taken = await req('POST', '/v1/admin/officials', {
      unitCode: 'so-xay-dung',
      fullName: 'Khác',
      email: 'cv1@test.gov.vn',
      roles: ['handler'],
    });
    expect(taken.status).toBe(409);
    const badRole = await req('POST', '/v1/admin/officials', {
      unitCode: 'so-xay-dung',
      fullName: 'Khác',
      email: 'cv2@test.gov.vn',
      roles: ['king'],
    });
    expect(badRole.status).toBe(400);
    expect(fieldsOf(badRole.body).some((f) => f.startsWith('roles'))).toBe(true);
    const badPhone = await req('POST', '/v1/admin/officials', {
      unitCode: 'so-xay-dung',
      fullName: 'Khác',
      email: 'cv3@test.gov.vn',
      phone: 'abc',
      roles: ['handler'],
    });
    expect(badPhone.status).toBe(400);
    expect(fieldsOf(badPhone.body)).toEqual(['phone']);

    const changed = await req('PATCH', `/v1/admin/officials/${id}`, {
      roles: ['handler', 'unit_leader'],
      title: 'Phó phòng',
      isAbsent: true,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ roles: ['handler', 'unit_leader'], isAbsent: true });

    const leaders = await req(
      'GET',
      '/v1/admin/officials?unit=so-xay-dung&role=unit_leader&active=true',
    );
    expect(leaders.status).toBe(200);
    const emails = (leaders.body!.officials as { email: string }[]).map((o) => o.email);
    expect(emails).toEqual(expect.arrayContaining(['cv1@test.gov.vn', 'leader@test.gov.vn']));
    expect(JSON.stringify(leaders.body)).not.toContain('passwordHash');

    const rows = await auditOf(s.database.db, 'official', id);
    expect(rows.map((r) => r.action)).toEqual(['official.create', 'official.roles']);
    expect(rows[1]!.before).toMatchObject({ roles: ['handler'] });
    expect(rows[1]!.after).toMatchObject({ roles: ['handler', 'unit_leader'] });
    expect(
      (await req('PATCH', `/v1/admin/officials/${id}`, { email: 'leader@test.gov.vn' })).status,
    ).toBe(409);
  });

  it('creates hotlines in E.164 with an owner who may own one', async () => {
    const owner = (
      await req('POST', '/v1/admin/officials', {
        unitCode: 'so-xay-dung',
        fullName: 'Chủ đường dây',
        email: 'owner@test.gov.vn',
        roles: ['hotline_owner'],
      })
    ).body as { id: string };
    const handler = (
      await req('POST', '/v1/admin/officials', {
        unitCode: 'so-xay-dung',
        fullName: 'Chuyên viên',
        email: 'handler@test.gov.vn',
        roles: ['handler'],
      })
    ).body as { id: string };
    const created = await req('POST', '/v1/admin/hotlines', {
      number: '0239 3000 999',
      name: 'Đường dây nóng thử',
      ownerOfficialId: owner.id,
      unitCode: 'so-xay-dung',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: '+842393000999', displayNumber: '0239 3000 999' });
    const again = await req('POST', '/v1/admin/hotlines', {
      number: '+84 239 3000 999',
      name: 'Trùng',
      ownerOfficialId: owner.id,
      unitCode: 'so-xay-dung',
    });
    expect(again.status).toBe(409);
    const notOwner = await req('POST', '/v1/admin/hotlines', {
      number: '0239 3000 998',
      name: 'x',
      ownerOfficialId: handler.id,
      unitCode: 'so-xay-dung',
    });
    expect(notOwner.status).toBe(400);
    expect(fieldsOf(notOwner.body)).toEqual(['ownerOfficialId']);
    const badNumber = await req('POST', '/v1/admin/hotlines', {
      number: '12',
      name: 'x',
      ownerOfficialId: owner.id,
      unitCode: 'so-xay-dung',
    });
    expect(badNumber.status).toBe(400);
    expect(fieldsOf(badNumber.body)).toEqual(['number']);

    const id = (created.body as { id: string }).id;
    // The owner cannot be deactivated while they own an active hotline.
    expect(
      (await req('PATCH', `/v1/admin/officials/${owner.id}`, { isActive: false })).status,
    ).toBe(409);
    const moved = await req('PATCH', `/v1/admin/hotlines/${id}`, {
      unitCode: 'triage',
      name: 'Mới',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ unitCode: 'triage', name: 'Mới' });
    const rows = await auditOf(s.database.db, 'hotline', id);
    expect(rows.map((r) => r.action)).toEqual(['hotline.create', 'hotline.update']);
    expect(rows[1]!.before).toMatchObject({ unitCode: 'so-xay-dung' });
    const list = await req('GET', '/v1/admin/hotlines');
    expect((list.body!.hotlines as unknown[]).length).toBe(2);
  });

  it('creates, changes and deactivates categories', async () => {
    const created = await req('POST', '/v1/admin/categories', {
      code: 'dat-dai',
      name: 'Đất đai',
      sortOrder: 5,
    });
    expect(created.status).toBe(201);
    const bad = await req('POST', '/v1/admin/categories', { code: 'Đất Đai', name: 'x' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['code']);
    expect((await req('POST', '/v1/admin/categories', { code: 'dat-dai', name: 'x' })).status).toBe(
      409,
    );
    const noName = await req('POST', '/v1/admin/categories', { code: 'y-te' });
    expect(noName.status).toBe(400);
    expect(fieldsOf(noName.body)).toEqual(['name']);

    const changed = await req('PATCH', '/v1/admin/categories/dat-dai', { name: 'Đất đai, nhà ở' });
    expect(changed.body).toMatchObject({ name: 'Đất đai, nhà ở' });
    const off = await req('POST', '/v1/admin/categories/dat-dai/deactivate');
    expect(off.body).toMatchObject({ isActive: false });
    expect((await req('PATCH', '/v1/admin/categories/none', { name: 'x' })).status).toBe(404);
    // The public list no longer offers it.
    const pub = await fetch(`${s.baseUrl}/v1/categories`);
    expect(await pub.text()).not.toContain('dat-dai');
    const id = (created.body as { id: string }).id;
    const rows = await auditOf(s.database.db, 'category', id);
    expect(rows.map((r) => r.action)).toEqual([
      'category.create',
      'category.update',
      'category.deactivate',
    ]);
  });
});

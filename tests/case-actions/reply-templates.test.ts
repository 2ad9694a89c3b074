import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { tables } from '@hotline/db';
import { addOfficial, bearerFor } from '../support/officials.js';
import { adminRequest, getJson, startSystem, type TestSystem } from '../support/system.js';
import { routedCase } from './helpers.js';

type Headers = Record<string, string>;

describe('reply templates: managed per unit, filled per case', () => {
  let system: TestSystem;
  let base: string;
  let leader: Headers;
  let otherLeader: Headers;
  let handler: Headers;
  let handlerId: string;

  beforeAll(async () => {
    system = await startSystem({ label: 'reply_templates', withWorker: false });
    base = system.baseUrl;
    const { db } = system.database;
    const unit = system.province.triageUnitId;
    leader = await bearerFor(base, await addOfficial(db, unit, ['unit_leader']));
    handlerId = await addOfficial(db, unit, ['handler']);
    handler = await bearerFor(base, handlerId);
    otherLeader = await bearerFor(
      base,
      await addOfficial(db, system.province.departmentUnitId, ['unit_leader']),
    );
  }, 60_000);
  afterAll(async () => {
    await system?.close();
  });

  const send = async (headers: Headers, method: string, path: string, body?: unknown) => {
    // No body, no content type: Fastify refuses an empty JSON body.
    const { 'content-type': _json, ...bare } = headers;
    const res = await fetch(base + path, {
      method,
      headers: body === undefined ? bare : headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: (text ? JSON.parse(text) : null) as Record<string, unknown>,
    };
  };

  const auditOf = (id: string) =>
    system.database.db
      .select({ action: tables.adminAudit.action, before: tables.adminAudit.before })
      .from(tables.adminAudit)
      .where(
        and(eq(tables.adminAudit.entity, 'reply_template'), eq(tables.adminAudit.entityId, id)),
      )
      .orderBy(tables.adminAudit.id);

  it('a leader manages their unit’s templates, each write audited; a handler fills them', async () => {
    const created = await send(leader, 'POST', '/v1/reply-templates', {
      purpose: 'reply',
      title: 'Đã tiếp nhận',
      body: 'Phản ánh {ma_phan_anh} đã được {don_vi} tiếp nhận; hạn xử lý {han_xu_ly}.',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ unit: { name: 'Trung tâm tiếp nhận' }, category: null });
    const id = created.body.id as string;
    expect(
      (await send(leader, 'PATCH', `/v1/reply-templates/${id}`, { title: 'Đã tiếp nhận (1)' }))
        .status,
    ).toBe(200);

    const c = await routedCase(system);
    const filled = await getJson(
      base,
      `/v1/cases/${c.trackingCode}/reply-templates?purpose=reply`,
      handler,
    );
    expect(filled.status).toBe(200);
    const [t] = filled.body.templates as { title: string; text: string; unresolved: unknown[] }[];
    expect(t?.title).toBe('Đã tiếp nhận (1)');
    expect(t?.text).toContain(c.trackingCode);
    expect(t?.text).toContain('Trung tâm tiếp nhận');
    expect(t?.text).toMatch(/hạn xử lý \d\d:\d\d \d\d\/\d\d\/\d{4}\./);
    expect(t?.unresolved).toEqual([]);
    // Another form offers only its own templates.
    const none = await getJson(
      base,
      `/v1/cases/${c.caseId}/reply-templates?purpose=resolve`,
      handler,
    );
    expect(none.body.templates).toEqual([]);

    expect((await send(leader, 'DELETE', `/v1/reply-templates/${id}`)).status).toBe(204);
    expect((await auditOf(id)).map((a) => a.action)).toEqual([
      'reply_template.create',
      'reply_template.update',
      'reply_template.delete',
    ]);
  });

  it('refuses handlers, other units’ leaders and province-wide templates from a leader', async () => {
    const mine = await send(leader, 'POST', '/v1/reply-templates', {
      purpose: 'resolve',
      title: 'Kết quả',
      body: 'Đã xử lý.',
    });
    const id = mine.body.id as string;
    expect(
      (
        await send(handler, 'POST', '/v1/reply-templates', {
          purpose: 'reply',
          title: 'x',
          body: 'y',
        })
      ).status,
    ).toBe(403);
    expect((await send(handler, 'GET', '/v1/reply-templates')).status).toBe(403);
    // Another unit's template does not exist for this leader.
    expect(
      (await send(otherLeader, 'PATCH', `/v1/reply-templates/${id}`, { title: 'z' })).status,
    ).toBe(404);
    expect((await send(otherLeader, 'DELETE', `/v1/reply-templates/${id}`)).status).toBe(404);
    const list = await send(otherLeader, 'GET', '/v1/reply-templates');
    expect((list.body.templates as { id: string }[]).map((t) => t.id)).not.toContain(id);
    expect(list.body.placeholders).toContain('ma_phan_anh');
    // A leader may not write for every unit, nor for another one.
    const everyUnit = await send(leader, 'POST', '/v1/reply-templates', {
      purpose: 'reply',
      title: 'Chung',
      body: 'x',
      unitCode: null,
    });
    expect(everyUnit.status).toBe(403);
    expect(
      (
        await send(leader, 'POST', '/v1/reply-templates', {
          purpose: 'reply',
          title: 'Khác',
          body: 'x',
          unitCode: 'so-xay-dung',
        })
      ).status,
    ).toBe(403);
  });

  it('an administrator writes for every unit; unknown placeholders are refused by name', async () => {
    const wide = await adminRequest(base, 'POST', '/v1/reply-templates', {
      purpose: 'request-information',
      title: 'Xin bổ sung',
      body: 'Đề nghị bổ sung thông tin cho phản ánh {ma_phan_anh} ({linh_vuc}).',
      unitCode: null,
      categoryCode: 'xay-dung',
    });
    expect(wide.status).toBe(201);
    expect(wide.body).toMatchObject({ unit: null, category: { code: 'xay-dung' } });
    const c = await routedCase(system);
    const filled = await getJson(
      base,
      `/v1/cases/${c.caseId}/reply-templates?purpose=request-information`,
      handler,
    );
    expect((filled.body.templates as { text: string }[])[0]?.text).toBe(
      `Đề nghị bổ sung thông tin cho phản ánh ${c.trackingCode} (Xây dựng).`,
    );

    const typo = await adminRequest(base, 'POST', '/v1/reply-templates', {
      purpose: 'reply',
      title: 'Lỗi',
      body: 'Kính gửi {ho_ten}',
    });
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.body)).toMatch(/\{ho_ten\}/);
    expect(JSON.stringify(typo.body)).toMatch(/"field":"body"/);
  });

  it('leaves a placeholder without a value visible and flags it (no deadline while paused)', async () => {
    await send(leader, 'POST', '/v1/reply-templates', {
      purpose: 'reply',
      title: 'Hạn',
      body: 'Hạn: {han_xu_ly}',
    });
    const c = await routedCase(system);
    await system.database.db
      .update(tables.cases)
      .set({ resolutionDueAt: null })
      .where(eq(tables.cases.id, c.caseId));
    const filled = await getJson(
      base,
      `/v1/cases/${c.caseId}/reply-templates?purpose=reply`,
      handler,
    );
    const t = (
      filled.body.templates as { title: string; text: string; unresolved: unknown[] }[]
    ).find((x) => x.title === 'Hạn');
    expect(t).toMatchObject({
      text: 'Hạn: {han_xu_ly}',
      unresolved: [{ name: 'han_xu_ly', reason: 'no_value' }],
    });
    // Out of scope: the case does not exist for the official.
    expect(
      (await getJson(base, `/v1/cases/${c.caseId}/reply-templates?purpose=reply`, otherLeader))
        .status,
    ).toBe(404);
  });

  it('follows its unit when the unit is merged into another', async () => {
    const unit = await adminRequest(base, 'POST', '/v1/admin/units', {
      code: 'xa-sap-nhap',
      name: 'Xã Sáp Nhập',
      kind: 'commune',
      parentCode: 'province',
    });
    expect(unit.status).toBe(201);
    const made = await adminRequest(base, 'POST', '/v1/reply-templates', {
      purpose: 'resolve',
      title: 'Của xã cũ',
      body: 'Đã xử lý.',
      unitCode: 'xa-sap-nhap',
    });
    expect(made.status).toBe(201);
    const merged = await adminRequest(base, 'POST', '/v1/admin/units/xa-sap-nhap/merge', {
      into: 'triage',
    });
    expect(merged.status).toBe(200);
    const list = await send(leader, 'GET', '/v1/reply-templates');
    const moved = (list.body.templates as { id: string; unit: { code: string } }[]).find(
      (t) => t.id === made.body!.id,
    );
    expect(moved?.unit.code).toBe('triage');
  });
});

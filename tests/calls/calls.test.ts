import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { waitFor } from '@hotline/testing';
import { adminRequest, postJson, startSystem, type TestSystem } from '../support/system.js';

/** Operators log hotline calls as cases through an API token; they see a caller's open cases. */
describe('phone calls logged by operators', () => {
  let sys: TestSystem;
  let operatorId: string;
  let handlerId: string;
  beforeAll(async () => {
    sys = await startSystem({ label: 'calls' });
    const [operator, handler] = await sys.database.db
      .insert(tables.officials)
      .values([
        {
          unitId: sys.province.triageUnitId,
          fullName: 'Điện thoại viên',
          email: 'dtv@test.gov.vn',
          roles: ['operator'],
        },
        {
          unitId: sys.province.hotlineUnitId,
          fullName: 'Chuyên viên',
          email: 'cv@test.gov.vn',
          roles: ['handler'],
        },
      ])
      .returning({ id: tables.officials.id });
    operatorId = operator!.id;
    handlerId = handler!.id;
  });
  afterAll(() => sys.close());

  const issue = async (officialId: string, scopes: string[]) => {
    const res = await adminRequest(
      sys.baseUrl,
      'POST',
      `/v1/admin/officials/${officialId}/tokens`,
      {
        name: 'tổng đài',
        scopes,
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; token: string };
  };
  const bearer = (token: string) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
  });
  const call = (over: Record<string, unknown> = {}) => ({
    callerNumber: '0912 345 678',
    hotline: sys.province.hotlineNumber,
    startedAt: new Date(Date.now() - 300_000).toISOString(),
    endedAt: new Date(Date.now() - 60_000).toISOString(),
    summary: 'Người dân gọi báo đèn đường hỏng cả tuần ở tổ 5, đề nghị sửa.',
    categoryCode: 'xay-dung',
    recordingUrl: 'https://pbx.example.vn/rec/123.mp3',
    ...over,
  });
  const caseCount = async () =>
    (await sys.database.db.select({ n: count() }).from(tables.cases))[0]!.n;

  it('a call becomes a case with channel call, the operator as author and the call kept beside it; it is routed', async () => {
    const { token } = await issue(operatorId, ['calls:write']);
    const res = await postJson(sys.baseUrl, '/v1/calls', call(), bearer(token));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const caseId = res.body!.caseId as string;
    const [row] = await sys.database.db
      .select()
      .from(tables.cases)
      .where(eq(tables.cases.id, caseId));
    expect(row).toMatchObject({ channel: 'call', citizenPhone: '+84912345678' });
    const [received] = await sys.database.db
      .select()
      .from(tables.caseEvents)
      .where(eq(tables.caseEvents.caseId, caseId));
    expect(received).toMatchObject({
      type: 'received',
      actorKind: 'official',
      actorOfficialId: operatorId,
    });
    const [log] = await sys.database.db
      .select()
      .from(tables.callLogs)
      .where(eq(tables.callLogs.caseId, caseId));
    expect(log).toMatchObject({
      operatorId,
      callerPhone: '+84912345678',
      recordingUrl: 'https://pbx.example.vn/rec/123.mp3',
    });
    expect(log!.hotlineId).not.toBeNull();
    // The hotline's owner unit gets it, as for any case through that hotline.
    await waitFor(
      async () => {
        const [c] = await sys.database.db
          .select({ unitId: tables.cases.unitId })
          .from(tables.cases)
          .where(eq(tables.cases.id, caseId));
        return c?.unitId === sys.province.hotlineUnitId ? c : undefined;
      },
      { what: 'the call routed to the hotline owner unit' },
    );
  });

  it('the operator sees the caller’s open cases from every channel, by number', async () => {
    const web = await postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'xay-dung',
      text: 'Tuần trước tôi đã gửi phản ánh về đèn đường qua web.',
      citizen: { phone: '+84 912 345 678' },
    });
    expect(web.status).toBe(201);
    const { token } = await issue(operatorId, ['calls:write']);
    const res = await postJson(
      sys.baseUrl,
      '/v1/calls/caller-cases',
      { phone: '0912345678' },
      bearer(token),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const cases = res.body!.cases as { trackingCode: string; channel: string }[];
    expect(cases.map((c) => c.channel).sort()).toEqual(['call', 'web']);
    expect(cases.map((c) => c.trackingCode)).toContain(web.body!.trackingCode);
  });

  it('without a valid token 401; a handler, or a token without the scope, 403; a revoked token 401; nothing written', async () => {
    const before = await caseCount();
    expect((await postJson(sys.baseUrl, '/v1/calls', call())).status).toBe(401);
    expect((await postJson(sys.baseUrl, '/v1/calls', call(), bearer('hlt_nope'))).status).toBe(401);
    const handler = await issue(handlerId, ['calls:write']);
    const asHandler = await postJson(sys.baseUrl, '/v1/calls', call(), bearer(handler.token));
    expect(asHandler.status).toBe(403);
    const readOnly = await issue(operatorId, ['cases:read']);
    expect((await postJson(sys.baseUrl, '/v1/calls', call(), bearer(readOnly.token))).status).toBe(
      403,
    );
    const revoked = await issue(operatorId, ['calls:write']);
    const del = await adminRequest(
      sys.baseUrl,
      'DELETE',
      `/v1/admin/officials/${operatorId}/tokens/${revoked.id}`,
    );
    expect(del.status).toBe(204);
    expect((await postJson(sys.baseUrl, '/v1/calls', call(), bearer(revoked.token))).status).toBe(
      401,
    );
    const list = await adminRequest(sys.baseUrl, 'GET', `/v1/admin/officials/${operatorId}/tokens`);
    expect(JSON.stringify(list.body)).not.toContain(revoked.token);
    expect(await caseCount()).toBe(before);
  });

  it('bad call details are a 400 naming the field; nothing written', async () => {
    const { token } = await issue(operatorId, ['calls:write']);
    const before = await caseCount();
    const backwards = await postJson(
      sys.baseUrl,
      '/v1/calls',
      call({ endedAt: new Date(Date.now() - 3_600_000).toISOString() }),
      bearer(token),
    );
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('endedAt');
    const badPhone = await postJson(
      sys.baseUrl,
      '/v1/calls',
      call({ callerNumber: '12345' }),
      bearer(token),
    );
    expect(badPhone.status).toBe(400);
    expect(JSON.stringify(badPhone.body)).toContain('callerNumber');
    const noCategory = await postJson(
      sys.baseUrl,
      '/v1/calls',
      call({ categoryCode: 'khong-co', summary: 'Một cuộc gọi khác về lĩnh vực không có.' }),
      bearer(token),
    );
    expect(noCategory.status).toBe(400);
    const [logs] = await sys.database.db.select({ n: count() }).from(tables.callLogs);
    expect(await caseCount()).toBe(before);
    expect(logs!.n).toBe(1);
  });
});

import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, transferCase } from '@hotline/core';
import { tables } from '@hotline/db';
import { waitFor } from '@hotline/testing';
import { call, signIn } from '../auth/auth-client.js';
import { addLeaders, slaEvents, useFastClocks } from '../support/fast-clocks.js';
import { addOfficial, addSignInOfficial, bearerFor, TEST_PASSWORD } from '../support/officials.js';
import {
  adminRequest,
  getJson,
  postJson,
  startSystem,
  type TestSystem,
} from '../support/system.js';

/** Today in the province (the reports' periods are local dates). */
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

describe('dashboard charts and leader view: new oversight endpoints, admin guard', () => {
  let sys: TestSystem;
  let supervisor: Record<string, string>;
  let caseA: string;
  let caseB: string;

  beforeAll(async () => {
    sys = await startSystem({ label: 'dashboard-api' });
    await useFastClocks(sys);
    await addLeaders(sys);
    const id = await addOfficial(sys.database.db, sys.province.triageUnitId, ['supervisor']);
    supervisor = await bearerFor(sys.baseUrl, id, ['reports:read']);
    // A: through the department leader's hotline; B: to the triage centre.
    const a = await postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'xay-dung',
      text: 'Công trình xây dựng lấn chiếm vỉa hè.',
      hotline: '0239 3000 111',
    });
    const b = await postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'moi-truong',
      text: 'Khói từ lò đốt rác gây ô nhiễm.',
    });
    const codeOf = (r: { body: Record<string, unknown> | null }) => r.body!.trackingCode as string;
    const idOf = async (code: string) => {
      const [row] = await sys.database.db
        .select({ id: tables.cases.id })
        .from(tables.cases)
        .where(eq(tables.cases.trackingCode, code.replace('-', '')));
      return row!.id;
    };
    caseA = await idOf(codeOf(a));
    caseB = await idOf(codeOf(b));
    for (const caseId of [caseA, caseB]) {
      await waitFor(
        async () => ((await slaEvents(sys, caseId)).includes('escalated:3') ? true : undefined),
        { timeoutMs: 20_000, intervalMs: 200, what: 'rung 3' },
      );
    }
    const operator = await addOfficial(sys.database.db, sys.province.triageUnitId, ['operator']);
    await transferCase(
      { db: sys.database.db },
      caseB,
      sys.province.departmentUnitId,
      'Thuộc thẩm quyền Sở Xây dựng',
      { kind: 'official', officialId: operator, roles: ['operator'] },
      new Date(),
    );
  }, 60_000);
  afterAll(async () => {
    await sys?.close();
  });

  const period = () => `from=${today()}&to=${today()}`;

  it('counts breaches per target and escalations per rung, per day', async () => {
    const res = await getJson(
      sys.baseUrl,
      `/v1/oversight/escalation-rungs?${period()}&interval=day`,
      supervisor,
    );
    expect(res.status).toBe(200);
    const points = res.body.points as Record<string, unknown>[];
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({
      bucket: today(),
      breachesResolution: 2,
      rung1: 2,
      rung2: 2,
      rung3: 2,
      forTransfers: 0,
    });
  });

  it('replays the backlog from events: open cases now, by age', async () => {
    const res = await getJson(
      sys.baseUrl,
      `/v1/oversight/backlog-series?${period()}&interval=day`,
      supervisor,
    );
    expect(res.status).toBe(200);
    expect((res.body.points as unknown[])[0]).toMatchObject({ open: 2, d0to2: 2, over30: 0 });
    // A period in the past, before any case: nothing open.
    const past = await getJson(
      sys.baseUrl,
      '/v1/oversight/backlog-series?from=2020-01-01&to=2020-01-31',
      supervisor,
    );
    const pastPoints = past.body.points as { open: number | null }[];
    expect(pastPoints.length).toBeGreaterThanOrEqual(5);
    expect(pastPoints.every((p) => p.open === 0)).toBe(true);
  });

  it('lists transfers between units, and exports them as CSV and XLSX', async () => {
    const res = await getJson(sys.baseUrl, `/v1/oversight/transfer-flows?${period()}`, supervisor);
    expect(res.status).toBe(200);
    expect(res.body.flows).toEqual([
      expect.objectContaining({
        fromUnitName: 'Trung tâm tiếp nhận',
        toUnitName: 'Sở Xây dựng',
        transfers: 1,
        cases: 1,
      }),
    ]);
    expect(res.body.total).toEqual({ transfers: 1, cases: 1 });
    const csv = await fetch(`${sys.baseUrl}/v1/oversight/transfer-flows?${period()}&format=csv`, {
      headers: supervisor,
    });
    expect(csv.headers.get('content-disposition')).toContain('.csv');
    const text = await csv.text();
    expect(text).toContain('Đơn vị chuyển đi');
    expect(text).toContain('Trung tâm tiếp nhận,Sở Xây dựng,1,1');
    const xlsx = await fetch(
      `${sys.baseUrl}/v1/oversight/escalation-rungs/export?${period()}&format=xlsx`,
      { headers: supervisor },
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(5).value).toBe('Chuyển cấp 1 (lãnh đạo đơn vị)');
  });

  it('scopes every chart: a handler of a unit without cases sees nothing', async () => {
    const [district] = await sys.database.db
      .select({ id: tables.adminUnits.id })
      .from(tables.adminUnits)
      .where(eq(tables.adminUnits.code, 'huyen-a'));
    const handlerId = await addOfficial(sys.database.db, district!.id, ['handler']);
    const handler = await bearerFor(sys.baseUrl, handlerId, ['reports:read']);
    const flows = await getJson(sys.baseUrl, `/v1/oversight/transfer-flows?${period()}`, handler);
    expect(flows.body.flows).toEqual([]);
    const backlog = await getJson(sys.baseUrl, `/v1/oversight/backlog-series?${period()}`, handler);
    expect((backlog.body.points as unknown[])[0]).toMatchObject({ open: 0 });
    const hotlines = await getJson(sys.baseUrl, `/v1/oversight/hotlines?${period()}`, handler);
    expect(hotlines.body.hotlines).toEqual([]);
  });

  it('the leader view: the hotline owner sees his number and its cases', async () => {
    const [leader] = await sys.database.db
      .select({ id: tables.officials.id })
      .from(tables.officials)
      .where(eq(tables.officials.email, 'leader@test.gov.vn'));
    const headers = await bearerFor(sys.baseUrl, leader!.id, ['reports:read']);
    const res = await getJson(sys.baseUrl, `/v1/oversight/hotlines?${period()}`, headers);
    expect(res.status).toBe(200);
    expect(res.body.hotlines).toEqual([
      expect.objectContaining({
        number: sys.province.hotlineNumber,
        isMine: true,
        received: 1,
        open: 1,
        overdue: 1,
        escalated: 1,
      }),
    ]);
  });

  it('refuses a bad period with the field at fault, never a 500', async () => {
    const bad = await getJson(
      sys.baseUrl,
      '/v1/oversight/backlog-series?from=hier&to=2026-01-01',
      supervisor,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
    const reversed = await getJson(
      sys.baseUrl,
      '/v1/oversight/transfer-flows?from=2026-02-01&to=2026-01-01',
      supervisor,
    );
    expect(reversed.status).toBe(400);
    const tooMany = await getJson(
      sys.baseUrl,
      '/v1/oversight/escalation-rungs?from=2020-01-01&to=2026-01-01&interval=day',
      supervisor,
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'interval' })]);
    const unknown = await getJson(
      sys.baseUrl,
      `/v1/oversight/hotlines?${period()}&interval=day`,
      supervisor,
    );
    expect(unknown.status).toBe(400);
    const anonymous = await getJson(sys.baseUrl, `/v1/oversight/hotlines?${period()}`);
    expect(anonymous.status).toBe(401);
  });

  it('previews a merge: what would move', async () => {
    const res = await adminRequest(sys.baseUrl, 'GET', '/v1/admin/units/huyen-a/merge-preview');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      officials: 1,
      hotlines: 0,
      childUnits: 1,
      routingRules: 0,
      openCases: 0,
    });
    const dept = await adminRequest(
      sys.baseUrl,
      'GET',
      '/v1/admin/units/so-xay-dung/merge-preview',
    );
    expect(dept.body).toMatchObject({ hotlines: 1, openCases: 2 });
    const missing = await adminRequest(
      sys.baseUrl,
      'GET',
      '/v1/admin/units/khong-co/merge-preview',
    );
    expect(missing.status).toBe(404);
  });

  it('the token-guarded admin API also takes a signed-in administrator (with CSRF), not others', async () => {
    const admin = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, ['admin']);
    const enroll = await call(sys.baseUrl, 'POST', '/v1/auth/totp/enroll', {
      body: { login: admin.login, password: TEST_PASSWORD },
    });
    const secret = enroll.body!.secret as string;
    await call(sys.baseUrl, 'POST', '/v1/auth/totp/confirm', {
      body: { login: admin.login, password: TEST_PASSWORD, code: totpCode(secret) },
    });
    const session = await signIn(sys.baseUrl, admin.login, TEST_PASSWORD, totpCode(secret));
    expect(session.status).toBe(200);
    const { cookie, csrf } = session;
    const list = await call(sys.baseUrl, 'GET', '/v1/admin/routing-rules', { cookie });
    expect(list.status).toBe(200);
    const dryRun = { categoryCode: 'xay-dung', text: 'Đất đai lấn chiếm' };
    const noCsrf = await call(sys.baseUrl, 'POST', '/v1/admin/routing-rules/dry-run', {
      cookie,
      body: dryRun,
    });
    expect(noCsrf.status).toBe(403);
    const withCsrf = await call(sys.baseUrl, 'POST', '/v1/admin/routing-rules/dry-run', {
      cookie,
      csrf,
      body: dryRun,
    });
    expect(withCsrf.status).toBe(200);
    const override = await call(
      sys.baseUrl,
      'PUT',
      '/v1/admin/calendars/default/overrides/2031-01-04',
      { cookie, csrf, body: { kind: 'working', note: 'Làm bù' } },
    );
    expect(override.status).toBe(200);

    const handler = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, [
      'handler',
    ]);
    const other = await signIn(sys.baseUrl, handler.login, TEST_PASSWORD);
    const refused = await call(sys.baseUrl, 'GET', '/v1/admin/routing-rules', {
      cookie: other.cookie,
    });
    expect(refused.status).toBe(403);
    expect((await call(sys.baseUrl, 'GET', '/v1/admin/routing-rules')).status).toBe(401);
    expect((await adminRequest(sys.baseUrl, 'GET', '/v1/admin/routing-rules')).status).toBe(200);
  });
});

import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCase, submitCase } from '@hotline/core';
import { tables } from '@hotline/db';
import { addOfficial, bearerFor } from '../support/officials.js';
import { adminRequest, startSystem, type TestSystem } from '../support/system.js';
import { getPage, textOf } from '../web/portal-support.js';

// A drill (diễn tập) is for officials practising: citizens never see its category, unit or
// hotline, and the province's figures leave its cases out unless a report asks for them.

const DRILL_CATEGORY = 'dien-tap';
const DRILL_NAME = 'Diễn tập (hạn xử lý 2 phút)';
const DRILL_HOTLINE = '+842393999000';
const DRILL_DISPLAY = '0239 3999 000';

describe('drills stay drills', () => {
  let sys: TestSystem;
  let supervisor: Record<string, string>;
  const period = () => {
    const now = Date.now();
    const from = new Date(now - 3_600_000).toISOString();
    const to = new Date(now + 3_600_000).toISOString();
    return `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  };
  const get = async (path: string) => {
    const res = await fetch(`${sys.baseUrl}${path}`, { headers: supervisor });
    expect(res.status, path).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    sys = await startSystem({ label: 'drills', withWorker: false });
    const db = sys.database.db;
    const p = sys.province;
    const [unit] = await db
      .insert(tables.adminUnits)
      .values({ code: 'to-truc-dien-tap', name: 'Tổ trực diễn tập', kind: 'agency', isDrill: true })
      .returning();
    await db.insert(tables.hotlines).values({
      number: DRILL_HOTLINE,
      displayNumber: DRILL_DISPLAY,
      name: 'Đường dây nóng diễn tập 24/7',
      ownerOfficialId: p.adminOfficialId,
      unitId: unit!.id,
      isDrill: true,
    });
    await db
      .insert(tables.categories)
      .values({ code: DRILL_CATEGORY, name: DRILL_NAME, sortOrder: 10_000, isDrill: true });
    supervisor = await bearerFor(
      sys.baseUrl,
      await addOfficial(db, p.triageUnitId, ['supervisor']),
    );

    // One real case and one drill case (an official logging a drill call), both received now.
    for (const [categoryCode, hotline] of [
      [p.categoryCode, undefined],
      [DRILL_CATEGORY, DRILL_HOTLINE],
    ] as const) {
      const { caseId } = await submitCase(
        { sql: sys.database.raw, randomBytes },
        {
          body: {
            categoryCode,
            text: `Phản ánh ${categoryCode}: đèn đường hỏng ở ngã tư Trần Phú.`,
            ...(hotline ? { hotline } : {}),
          },
          channel: 'call',
          operatorId: p.adminOfficialId,
        },
        new Date(),
      );
      await routeCase({ db }, caseId, new Date());
    }
  });
  afterAll(async () => {
    await sys?.close();
  });

  it('the public category list and Open311 services leave drills out; the console may ask', async () => {
    const open = (await (await fetch(`${sys.baseUrl}/v1/categories`)).json()) as {
      categories: { code: string; isDrill: boolean }[];
    };
    expect(open.categories.map((c) => c.code)).toContain(sys.province.categoryCode);
    expect(open.categories.map((c) => c.code)).not.toContain(DRILL_CATEGORY);
    const asked = (await (
      await fetch(`${sys.baseUrl}/v1/categories?includeDrills=true`)
    ).json()) as typeof open;
    expect(asked.categories.find((c) => c.code === DRILL_CATEGORY)).toMatchObject({
      isDrill: true,
    });
    const services = (await (await fetch(`${sys.baseUrl}/open311/v2/services.json`)).json()) as {
      service_code: string;
    }[];
    expect(services.map((s) => s.service_code)).toContain(sys.province.categoryCode);
    expect(services.map((s) => s.service_code)).not.toContain(DRILL_CATEGORY);
    const definition = await fetch(`${sys.baseUrl}/open311/v2/services/${DRILL_CATEGORY}.json`);
    expect(definition.status).toBe(404);
  });

  it('a citizen cannot file a case under a drill category through the API', async () => {
    const res = await fetch(`${sys.baseUrl}/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        categoryCode: DRILL_CATEGORY,
        text: 'Thử gửi vào lĩnh vực diễn tập từ bên ngoài.',
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: [{ field: 'categoryCode', reason: 'unknown_category' }],
    });
  });

  it('the portal: home page, hotline directory and the form show no drill', async () => {
    for (const path of ['/', '/duong-day-nong', '/gui-phan-anh']) {
      const page = await getPage(sys.baseUrl, path);
      expect(page.status, path).toBe(200);
      const text = textOf(page.html);
      expect(text, path).not.toContain(DRILL_DISPLAY);
      expect(text, path).not.toMatch(/diễn tập/i);
      expect(page.html, path).not.toContain(DRILL_CATEGORY);
    }
    expect(textOf((await getPage(sys.baseUrl, '/duong-day-nong')).html)).toContain('0239 3000 111');
  });

  it('report figures and exports leave drill cases out unless includeDrills=true', async () => {
    type Report = { rows: { key: string | null; received: number }[]; total: { received: number } };
    const byCategory = `/v1/reports/breakdown?by=category&${period()}`;
    const plain = (await get(byCategory)) as unknown as Report;
    expect(plain.total.received).toBe(1);
    const [drillCategory] = await sys.database.db
      .select({ id: tables.categories.id })
      .from(tables.categories)
      .where(eq(tables.categories.code, DRILL_CATEGORY));
    expect(plain.rows.map((r) => r.key)).not.toContain(drillCategory!.id);
    const withDrills = (await get(`${byCategory}&includeDrills=true`)) as unknown as Report;
    expect(withDrills.total.received).toBe(2);
    expect(withDrills.rows.find((r) => r.key === drillCategory!.id)?.received).toBe(1);

    const units = (await get(`/v1/reports/units?${period()}`)) as unknown as Report;
    expect(units.total.received).toBe(1);
    const csv = await fetch(
      `${sys.baseUrl}/v1/reports/breakdown/export?by=category&format=csv&${period()}`,
      {
        headers: supervisor,
      },
    );
    expect(await csv.text()).not.toContain(DRILL_NAME);
  });

  it('the dashboard: the hotline summary and oversight lists leave drills out unless asked', async () => {
    type Summary = { hotlines: { number: string }[] };
    const plain = (await get(`/v1/oversight/hotlines?${period()}`)) as unknown as Summary;
    expect(plain.hotlines.map((h) => h.number)).not.toContain(DRILL_HOTLINE);
    const asked = (await get(
      `/v1/oversight/hotlines?${period()}&includeDrills=true`,
    )) as unknown as Summary;
    expect(asked.hotlines.map((h) => h.number)).toContain(DRILL_HOTLINE);

    // Both cases are open now: the backlog counts the drill only when asked.
    type Backlog = { points: { open: number | null }[] };
    const backlog = (await get(
      `/v1/oversight/backlog-series?${period()}&interval=day`,
    )) as unknown as Backlog;
    const backlogAll = (await get(
      `/v1/oversight/backlog-series?${period()}&interval=day&includeDrills=true`,
    )) as unknown as Backlog;
    const last = (b: Backlog) => b.points.filter((x) => x.open !== null).at(-1)?.open ?? 0;
    expect(last(backlogAll) - last(backlog)).toBe(1);
  });

  it('an administrator can turn the flag off: the category is offered to citizens again', async () => {
    const patched = await adminRequest(
      sys.baseUrl,
      'PATCH',
      `/v1/admin/categories/${DRILL_CATEGORY}`,
      {
        isDrill: false,
      },
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ code: DRILL_CATEGORY, isDrill: false });
    const open = (await (await fetch(`${sys.baseUrl}/v1/categories`)).json()) as {
      categories: { code: string }[];
    };
    expect(open.categories.map((c) => c.code)).toContain(DRILL_CATEGORY);
    await adminRequest(sys.baseUrl, 'PATCH', `/v1/admin/categories/${DRILL_CATEGORY}`, {
      isDrill: true,
    });
  });
});

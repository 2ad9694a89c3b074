import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { addOfficial, bearerFor } from '../support/officials.js';
import { postJson, startSystem, type TestSystem } from '../support/system.js';
import { detail } from './helpers.js';

type Headers = Record<string, string>;

/**
 * The place of the problem (commune, address, coordinates) is not personal data: every official
 * in scope sees it, even when the reporter is anonymous. The reporter's contact (name, phone,
 * e-mail and own address) is, and stays hidden from the handling unit for anonymous cases.
 */
describe('where it happened, apart from who reported it', () => {
  let sys: TestSystem;
  let handler: Headers;
  let handlerId: string;
  let operator: Headers;

  beforeAll(async () => {
    sys = await startSystem({ label: 'incident_address', withWorker: false });
    const { db } = sys.database;
    handlerId = await addOfficial(db, sys.province.triageUnitId, ['handler']);
    handler = await bearerFor(sys.baseUrl, handlerId);
    operator = await bearerFor(
      sys.baseUrl,
      await addOfficial(db, sys.province.triageUnitId, ['operator']),
    );
  }, 60_000);
  afterAll(async () => {
    await sys?.close();
  });

  const stored = async (code: string) => {
    const [row] = await sys.database.db
      .select()
      .from(tables.cases)
      .where(eq(tables.cases.trackingCode, code.replace('-', '')));
    return row!;
  };
  /** Routed to the triage unit (no rules): the handler's scope. */
  const routed = async (code: string) => {
    const { routeCase } = await import('@hotline/core');
    await routeCase({ db: sys.database.db }, (await stored(code)).id, new Date());
  };
  const views = async (caseId: string) =>
    (
      await sys.database.db
        .select({ fields: tables.personalDataViews.fields })
        .from(tables.personalDataViews)
        .where(
          and(
            eq(tables.personalDataViews.caseId, caseId),
            eq(tables.personalDataViews.officialId, handlerId),
          ),
        )
    ).map((v) => [...v.fields].sort());

  it('files the web form’s place and the reporter’s own address apart', async () => {
    const res = await postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'xay-dung',
      text: 'Cống thoát nước bị vỡ, nước tràn ra đường.',
      isAnonymous: true,
      communeCode: 'xa-a1',
      address: 'Ngã ba đường Trần Phú – Lê Lợi',
      location: { lat: 18.3428, lng: 105.9057 },
      citizen: { name: 'Trần Văn Ẩn', phone: '0912 000 111', address: '5 Hà Huy Tập' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const code = res.body!.trackingCode as string;
    const row = await stored(code);
    expect(row).toMatchObject({
      address: 'Ngã ba đường Trần Phú – Lê Lợi',
      citizenAddress: '5 Hà Huy Tập',
    });
    await routed(code);

    // The handling unit sees where, not who.
    const page = (await detail(sys.baseUrl, handler, code)).body;
    expect(page.location).toEqual({
      commune: { code: 'xa-a1', name: 'Xã A1' },
      address: 'Ngã ba đường Trần Phú – Lê Lợi',
      latitude: 18.3428,
      longitude: 105.9057,
    });
    expect(page.citizen).toBeNull();
    expect(JSON.stringify(page)).not.toContain('Hà Huy Tập');
    expect(JSON.stringify(page)).not.toContain('Trần Văn Ẩn');
    // Nothing personal was shown, so nothing is recorded as shown.
    expect((await views(row.id)).flat()).toEqual([]);

    // Those who received it (operators) see the contact, the reporter's own address in it.
    const asOperator = (await detail(sys.baseUrl, operator, code)).body;
    expect(asOperator.citizen).toMatchObject({ name: 'Trần Văn Ẩn', address: '5 Hà Huy Tập' });
  });

  it('records the reporter’s own address as shown, not the place', async () => {
    const res = await postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'xay-dung',
      text: 'Đèn đường hỏng cả tuần ở tổ 5.',
      address: 'Tổ 5, phường Bắc Hà',
      citizen: { phone: '0912 000 222' },
    });
    const code = res.body!.trackingCode as string;
    await routed(code);
    const page = (await detail(sys.baseUrl, handler, code)).body;
    expect(page.citizen).toMatchObject({ phone: '+84912000222', address: null });
    expect(page.location).toMatchObject({ address: 'Tổ 5, phường Bắc Hà' });
    expect((await views((await stored(code)).id)).flat()).toEqual(['phone']);
  });

  it('a logged call files the place and the caller’s own address apart', async () => {
    const res = await postJson(
      sys.baseUrl,
      '/v1/calls',
      {
        callerNumber: '0912 000 333',
        hotline: sys.province.hotlineNumber,
        startedAt: new Date(Date.now() - 300_000).toISOString(),
        endedAt: new Date(Date.now() - 60_000).toISOString(),
        summary: 'Người gọi báo cây đổ chắn ngang đường.',
        categoryCode: 'xay-dung',
        isAnonymous: true,
        address: 'Km 3 quốc lộ 1A',
        citizenName: 'Người gọi',
        citizenAddress: '9 Nguyễn Du',
      },
      operator,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const row = await stored(res.body!.trackingCode as string);
    expect(row).toMatchObject({ address: 'Km 3 quốc lộ 1A', citizenAddress: '9 Nguyễn Du' });
  });
});

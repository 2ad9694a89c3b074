import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminRequest,
  getJson,
  postJson,
  startSystem,
  type TestSystem,
} from '../support/system.js';
import { bearerFor } from '../support/officials.js';

type Named = { code?: string; service_code?: string; name?: string; service_name?: string };

describe('English names: set by administrators, answered in the language asked', () => {
  let s: TestSystem;
  const req = (method: string, path: string, body?: unknown) =>
    adminRequest(s.baseUrl, method, path, body);
  beforeAll(async () => {
    s = await startSystem({ withWorker: false, label: 'english_names' });
  });
  afterAll(() => s.close());

  it('lets an administrator set, show and clear the English name of each kind', async () => {
    const category = await req('PATCH', '/v1/admin/categories/xay-dung', {
      nameEn: 'Construction',
      descriptionEn: 'Unlicensed building and urban order.',
    });
    expect(category.status).toBe(200);
    expect(category.body).toMatchObject({
      name: 'Xây dựng',
      nameEn: 'Construction',
      descriptionEn: 'Unlicensed building and urban order.',
    });
    const unit = await req('PATCH', '/v1/admin/units/so-xay-dung', {
      nameEn: 'Department of Construction',
    });
    expect(unit.status).toBe(200);
    expect(unit.body).toMatchObject({ name: 'Sở Xây dựng', nameEn: 'Department of Construction' });
    const created = await req('POST', '/v1/admin/units', {
      code: 'xa-moi',
      name: 'UBND xã Mới',
      nameEn: 'Mới Commune',
      kind: 'commune',
      parentCode: 'province',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ nameEn: 'Mới Commune' });

    const { body: list } = await req('GET', '/v1/admin/hotlines');
    const hotline = (list!.hotlines as { id: string; nameEn: string | null }[])[0]!;
    expect(hotline.nameEn).toBeNull();
    const named = await req('PATCH', `/v1/admin/hotlines/${hotline.id}`, {
      nameEn: 'Hotline of the Director of Construction',
    });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ nameEn: 'Hotline of the Director of Construction' });

    // Blank clears it (the Vietnamese is shown again); a name too long is refused, by field.
    const cleared = await req('PATCH', '/v1/admin/units/xa-moi', { nameEn: '   ' });
    expect(cleared.body).toMatchObject({ nameEn: null });
    const tooLong = await req('PATCH', '/v1/admin/categories/xay-dung', {
      nameEn: 'x'.repeat(201),
    });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('nameEn');
  });

  it('answers the public categories in the language asked, Vietnamese by default', async () => {
    const names = async (path: string, headers: Record<string, string> = {}) => {
      const { status, body } = await getJson(s.baseUrl, path, headers);
      expect(status, path).toBe(200);
      return new Map((body.categories as Named[]).map((c) => [c.code, c.name]));
    };
    expect((await names('/v1/categories')).get('xay-dung')).toBe('Xây dựng');
    const english = await names('/v1/categories?lang=en');
    expect(english.get('xay-dung')).toBe('Construction');
    // No English name entered: the Vietnamese one.
    expect(english.get('moi-truong')).toBe('Môi trường');
    expect(
      (await names('/v1/categories', { 'accept-language': 'fr;q=0.9, en-GB;q=0.8, vi;q=0.5' })).get(
        'xay-dung',
      ),
    ).toBe('Construction');
    expect(
      (await names('/v1/categories?lang=vi', { 'accept-language': 'en' })).get('xay-dung'),
    ).toBe('Xây dựng');
    const bad = await getJson(s.baseUrl, '/v1/categories?lang=fr');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('lang');
  });

  it('names Open311 services in the language asked', async () => {
    const services = async (path: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${s.baseUrl}${path}`, { headers });
      expect(res.status).toBe(200);
      const body = (await res.json()) as Named[];
      return new Map(body.map((c) => [c.service_code, c.service_name]));
    };
    expect((await services('/open311/v2/services.json')).get('xay-dung')).toBe('Xây dựng');
    expect((await services('/open311/v2/services.json?lang=en')).get('xay-dung')).toBe(
      'Construction',
    );
    expect(
      (await services('/open311/v2/services.json', { 'accept-language': 'en-US' })).get('xay-dung'),
    ).toBe('Construction');
  });

  it('shows a tracked case’s category in the language asked', async () => {
    const sent = await postJson(s.baseUrl, '/v1/cases', {
      categoryCode: 'xay-dung',
      hotline: '0239 3000 111',
      text: 'Công trình xây dựng lấn chiếm vỉa hè trước nhà số 12, kéo dài nhiều tuần.',
      citizen: { name: 'Trần Văn Dân', phone: '0913456789' },
    });
    expect(sent.status).toBe(201);
    const code = sent.body!.trackingCode as string;
    const vi = await getJson(s.baseUrl, `/v1/cases/${code}`);
    const en = await getJson(s.baseUrl, `/v1/cases/${code}?lang=en`);
    expect(vi.body.category).toEqual({ code: 'xay-dung', name: 'Xây dựng' });
    expect(en.body.category).toEqual({ code: 'xay-dung', name: 'Construction' });
  });

  it('answers an official’s queue and case page in the official’s language', async () => {
    const sent = await postJson(s.baseUrl, '/v1/cases', {
      categoryCode: 'xay-dung',
      hotline: '0239 3000 111',
      text: 'Đổ vật liệu xây dựng chiếm lòng đường trước chợ, gây ùn tắc mỗi sáng.',
      citizen: { name: 'Lê Thị Hoa', phone: '0913456780' },
    });
    expect(sent.status).toBe(201);
    const code = sent.body!.trackingCode as string;
    // The province administrator sees every case (scope `all`).
    const auth = await bearerFor(s.baseUrl, s.province.adminOfficialId, ['cases:read']);
    const asOfficial = async (path: string, lang?: string) => {
      const res = await fetch(s.baseUrl + path, {
        headers: {
          authorization: auth.authorization!,
          ...(lang ? { 'accept-language': lang } : {}),
        },
      });
      expect(res.status, path).toBe(200);
      return (await res.json()) as Record<string, unknown>;
    };
    type Row = { trackingCode: string; category: { name: string }; unit: { name: string } | null };
    const rowIn = async (lang?: string) => {
      const page = await asOfficial(`/v1/queues/all?q=${code}`, lang);
      return (page.items as Row[]).find((r) => r.trackingCode === code)!;
    };
    // The worker routes the case to the unit of its hotline.
    s.startWorker();
    for (let i = 0; i < 100 && !(await rowIn())?.unit; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await s.stopWorker();
    const [viRow, enRow] = [await rowIn(), await rowIn('en')];
    expect(viRow.category.name).toBe('Xây dựng');
    expect(enRow.category.name).toBe('Construction');
    expect(viRow.unit?.name).toBe('Sở Xây dựng');
    expect(enRow.unit?.name).toBe('Department of Construction');
    expect((await rowIn('vi, en;q=0.5')).category.name).toBe('Xây dựng');

    const viPage = await asOfficial(`/v1/cases/${code}/detail`);
    const enPage = await asOfficial(`/v1/cases/${code}/detail`, 'en-GB');
    expect(viPage.category).toEqual({ code: 'xay-dung', name: 'Xây dựng' });
    expect(enPage.category).toEqual({ code: 'xay-dung', name: 'Construction' });
    expect(viPage.unit).toMatchObject({ code: 'so-xay-dung', name: 'Sở Xây dựng' });
    expect(enPage.unit).toMatchObject({ code: 'so-xay-dung', name: 'Department of Construction' });
    // The timeline names the unit the case was routed to in the same language.
    const texts = (page: Record<string, unknown>) =>
      JSON.stringify((page.timeline as { description: unknown }[]).map((e) => e.description));
    expect(texts(enPage)).toContain('Department of Construction');
    expect(texts(viPage)).not.toContain('Department of Construction');
  });

  it('names the report rows and their exports in the official’s language', async () => {
    const auth = await bearerFor(s.baseUrl, s.province.adminOfficialId, ['reports:read']);
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const period = `from=${day(-1)}&to=${day(1)}`;
    const get = async (path: string, lang?: string) => {
      const res = await fetch(s.baseUrl + path, {
        headers: { ...auth, ...(lang ? { 'accept-language': lang } : {}) },
      });
      expect(res.status, path).toBe(200);
      return res;
    };
    const rowNames = async (path: string, lang?: string) => {
      const body = (await (await get(path, lang)).json()) as { rows: { name: string | null }[] };
      return body.rows.map((r) => r.name);
    };
    expect(await rowNames(`/v1/reports/units?${period}`)).toContain('Sở Xây dựng');
    const units = await rowNames(`/v1/reports/units?${period}`, 'en');
    expect(units).toContain('Department of Construction');
    expect(units).not.toContain('Sở Xây dựng');
    const byCategory = `/v1/reports/breakdown?by=category&${period}`;
    expect(await rowNames(byCategory, 'en')).toContain('Construction');
    expect(await rowNames(byCategory)).toContain('Xây dựng');

    // An export is a plain link: `?lang=` names its rows (the headers stay Vietnamese).
    const csv = async (path: string) => (await get(path)).text();
    const english = await csv(
      `/v1/reports/breakdown/export?by=category&${period}&format=csv&lang=en`,
    );
    expect(english).toContain('Construction');
    expect(english).toContain('Lĩnh vực');
    expect(await csv(`/v1/reports/units/export?${period}&format=csv`)).toContain('Sở Xây dựng');

    // The leader view names each hotline and its unit in English too.
    type Line = { name: string; unitName: string };
    const lines = async (lang?: string) =>
      ((await (await get(`/v1/oversight/hotlines?${period}`, lang)).json()) as { hotlines: Line[] })
        .hotlines;
    expect(await lines('en')).toContainEqual(
      expect.objectContaining({
        name: 'Hotline of the Director of Construction',
        unitName: 'Department of Construction',
      }),
    );
    expect((await lines()).map((l) => l.name)).not.toContain(
      'Hotline of the Director of Construction',
    );
  });
});

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import {
  adminRequest,
  getJson,
  postJson,
  startSystem,
  type TestSystem,
} from '../support/system.js';
import { addOfficial, bearerFor } from '../support/officials.js';
import { expectValid, get, parseXml, postForm, sameFields } from './open311-client.js';

type Json = Record<string, unknown>;
type Items = Json[];

const ATTRIBUTES = [
  {
    variable: true,
    code: 'loai-o-nhiem',
    datatype: 'singlevaluelist',
    required: true,
    datatype_description: null,
    order: 1,
    description: 'Loại ô nhiễm',
    values: [
      { key: 'khong-khi', name: 'Không khí' },
      { key: 'nuoc', name: 'Nước' },
    ],
  },
  {
    variable: true,
    code: 'thoi-diem',
    datatype: 'string',
    required: false,
    datatype_description: 'Giờ trong ngày',
    order: 2,
    description: 'Xảy ra lúc nào',
  },
];

const CITIZEN = {
  first_name: 'Nguyễn',
  last_name: 'Thị Bí Mật',
  phone: '0912345678',
  email: 'bi.mat@example.vn',
};
const VI_TEXT = 'Đường Trần Phú bị ngập nặng sau mưa, ổ gà "lớn" & nguy hiểm <cho> xe máy.';
const TRACKING = /^[0-9A-Z]{4}-[0-9A-Z]{4}$/;
const anyString: unknown = expect.any(String);
const aTrackingCode: unknown = expect.stringMatching(TRACKING);

describe('Open311 GeoReport v2', () => {
  let sys: TestSystem;
  let apiKey: string;
  const json = (path: string) => get(sys.baseUrl, `/open311/v2/${path}.json`);
  const xml = (path: string) => get(sys.baseUrl, `/open311/v2/${path}.xml`);
  const post = (format: 'json' | 'xml', fields: Record<string, string>) =>
    postForm(sys.baseUrl, `/open311/v2/requests.${format}`, fields);
  const valid = () => ({
    api_key: apiKey,
    service_code: 'xay-dung',
    lat: '18.3428',
    long: '105.9057',
    description: VI_TEXT,
  });

  beforeAll(async () => {
    sys = await startSystem({ withWorker: false, label: 'open311' });
    await sys.database.db
      .update(tables.categories)
      .set({ attributes: ATTRIBUTES, keywords: 'rác, khói', groupName: 'Tài nguyên' })
      .where(eq(tables.categories.code, 'moi-truong'));
    const issued = await adminRequest(sys.baseUrl, 'POST', '/v1/admin/api-keys', { name: 'app' });
    apiKey = issued.body!.key as string;
  });
  afterAll(async () => {
    await sys.close();
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await getJson(sys.baseUrl, '/docs/json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths as Json)).toEqual(
      expect.arrayContaining([
        '/open311/v2/requests.json',
        '/open311/v2/requests/{file}',
        '/v1/admin/api-keys',
      ]) as unknown,
    );
  });

  describe('discovery', () => {
    it('lists this endpoint and both formats, in JSON and XML', async () => {
      const j = await json('discovery');
      expect(j.status).toBe(200);
      expect(j.contentType).toMatch(/^application\/json/);
      const body = JSON.parse(j.text) as { endpoints: Json[] };
      expect(body.endpoints[0]).toMatchObject({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        formats: ['application/json', 'text/xml'],
      });
      // Where the API really listens (PORT=0, no PUBLIC_BASE_URL in tests).
      expect(body.endpoints[0]!.url).toBe(`${sys.baseUrl}/open311/v2`);
      const x = await xml('discovery');
      expect(x.contentType).toMatch(/^text\/xml; charset=utf-8/);
      const d = parseXml(x.text).discovery as { endpoints: { endpoint: Json[] } };
      const endpoint = d.endpoints.endpoint[0]!;
      expect(endpoint.url).toBe(body.endpoints[0]!.url);
      expect((endpoint.formats as { format: string[] }).format).toEqual([
        'application/json',
        'text/xml',
      ]);
    });
  });

  describe('services', () => {
    it('lists active categories, valid against the spec, with the same fields in XML', async () => {
      const j = await json('services');
      expect(j.status).toBe(200);
      const services = JSON.parse(j.text) as Items;
      expectValid('services.json', services);
      const codes = services.map((s) => s.service_code);
      expect(codes.slice(0, 2)).toEqual(['xay-dung', 'moi-truong']);
      expect(services[0]).toMatchObject({
        service_name: 'Xây dựng',
        metadata: false,
        type: 'realtime',
      });
      expect(services[1]).toMatchObject({
        service_name: 'Môi trường',
        metadata: true,
        keywords: 'rác, khói',
        group: 'Tài nguyên',
      });
      const x = await xml('services');
      expect(x.status).toBe(200);
      expect(x.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
      const items = (parseXml(x.text).services as { service: Items }).service;
      expect(items).toHaveLength(services.length);
      services.forEach((s, i) => sameFields(s, items[i]!));
    });

    it('defines a service with its attributes and their values', async () => {
      const j = await json('services/moi-truong');
      expect(j.status).toBe(200);
      const def = JSON.parse(j.text) as { service_code: string; attributes: Items };
      expectValid('service-definition.json', def);
      expect(def.service_code).toBe('moi-truong');
      expect(def.attributes.map((a) => a.code)).toEqual(['loai-o-nhiem', 'thoi-diem']);
      expect(def.attributes[0]!.values).toEqual(ATTRIBUTES[0]!.values);

      const x = await xml('services/moi-truong');
      const tree = parseXml(x.text).service_definition as {
        service_code: string;
        attributes: { attribute: Items };
      };
      expect(tree.service_code).toBe('moi-truong');
      const attributes = tree.attributes.attribute;
      def.attributes.forEach((a, i) => sameFields(a, attributes[i]!));
      expect((attributes[0]!.values as { value: Items }).value).toEqual(ATTRIBUTES[0]!.values);

      const none = JSON.parse((await json('services/xay-dung')).text) as Json;
      expectValid('service-definition.json', none);
      expect(none.attributes).toEqual([]);
    });

    it('answers 404 in the spec shape for an unknown service', async () => {
      const j = await json('services/khong-co');
      expect(j.status).toBe(404);
      expect(JSON.parse(j.text)).toEqual([{ code: 404, description: anyString }]);
      const x = await xml('services/khong-co');
      expect(x.status).toBe(404);
      const errors = (parseXml(x.text).errors as { error: Items }).error;
      expect(errors[0]!.code).toBe('404');
    });
  });

  describe('POST requests', () => {
    it('creates a case on the open311 channel, visible on the tracking page', async () => {
      const res = await post('json', {
        ...valid(),
        ...CITIZEN,
        service_code: 'moi-truong',
        'attribute[loai-o-nhiem]': 'nuoc',
        'attribute[thoi-diem]': 'ban đêm',
        media_url: 'https://example.vn/anh/ngap.jpg',
        device_id: 'thiet-bi-1',
        jurisdiction_id: 'ha-tinh.gov.vn',
      });
      expect(res.status).toBe(200);
      expect(res.contentType).toMatch(/^application\/json/);
      const [created] = JSON.parse(res.text) as Json[];
      expect(created).toEqual({
        service_request_id: aTrackingCode,
        service_notice: anyString,
        account_id: null,
      });
      const code = created!.service_request_id as string;

      const tracked = await getJson(sys.baseUrl, `/v1/cases/${code}`);
      expect(tracked.status).toBe(200);
      expect(tracked.body).toMatchObject({
        trackingCode: code,
        channel: 'open311',
        category: { code: 'moi-truong' },
      });

      const [stored] = await sys.database.db
        .select()
        .from(tables.cases)
        .where(eq(tables.cases.trackingCode, code.replace('-', '')));
      expect(stored).toMatchObject({
        channel: 'open311',
        citizenName: 'Nguyễn Thị Bí Mật',
        citizenPhone: '+84912345678',
        citizenEmail: 'bi.mat@example.vn',
        latitude: 18.3428,
        longitude: 105.9057,
      });
      expect(stored!.text).toContain(VI_TEXT);
      expect(stored!.text).toContain('loai-o-nhiem: nuoc');
      expect(stored!.text).toContain('thoi-diem: ban đêm');

      // The request as Open311 shows it, unpublished: valid, a summary, no personal data.
      const one = await json(`requests/${code}`);
      expect(one.status).toBe(200);
      const list = JSON.parse(one.text) as Items;
      expectValid('requests.json', list);
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({
        service_request_id: code,
        status: 'open',
        service_code: 'moi-truong',
        service_name: 'Môi trường',
        description: null,
        lat: null,
        long: null,
        media_url: null,
      });
      for (const secret of ['Bí Mật', '912345678', 'bi.mat@example.vn', 'Trần Phú', '18.34']) {
        expect(one.text).not.toContain(secret);
      }
      const x = await xml(`requests/${code}`);
      expect(x.status).toBe(200);
      const request = (parseXml(x.text).service_requests as { request: Items }).request;
      expect(request).toHaveLength(1);
      sameFields(list[0]!, request[0]!);
      expect(x.text).not.toContain('Bí Mật');

      // Officials see the media as the external link it is; no route of ours redirects to it.
      const operator = await addOfficial(sys.database.db, sys.province.triageUnitId, ['operator']);
      const headers = await bearerFor(sys.baseUrl, operator, ['cases:read']);
      const page = await getJson(sys.baseUrl, `/v1/cases/${code}/detail`, headers);
      expect(page.status).toBe(200);
      const attachments = page.body.attachments as Json[];
      expect(attachments).toEqual([
        expect.objectContaining({
          source: 'open311',
          externalUrl: 'https://example.vn/anh/ngap.jpg',
        }),
      ]);
      const file = await fetch(
        `${sys.baseUrl}/v1/cases/${page.body.id as string}/attachments/${attachments[0]!.id as string}`,
        { headers, redirect: 'manual' },
      );
      expect(file.status).toBe(404);
      expect(file.headers.get('location')).toBeNull();
    });

    it('answers in XML, and Vietnamese text survives the round trip', async () => {
      const res = await post('xml', { ...valid(), address_string: '12 Trần Phú, TP Hà Tĩnh' });
      expect(res.status).toBe(200);
      expect(res.contentType).toMatch(/^text\/xml; charset=utf-8/);
      const [created] = (parseXml(res.text).service_requests as { request: Items }).request;
      expect(created!.service_request_id).toMatch(TRACKING);
      expect(created!.account_id).toBe('');
      expect(created!.service_notice).toMatch(/^Đã tiếp nhận phản ánh/);
      const code = created!.service_request_id as string;
      const [stored] = await sys.database.db
        .select()
        .from(tables.cases)
        .where(eq(tables.cases.trackingCode, code.replace('-', '')));
      expect(stored!.text).toBe(VI_TEXT);
      expect(stored!.address).toBe('12 Trần Phú, TP Hà Tĩnh');
      const x = await xml(`requests/${code}`);
      const [request] = (parseXml(x.text).service_requests as { request: Items }).request;
      // Not published: neither the text nor the address is shown.
      expect(request!.description).toBe('');
      expect(request!.address).toBe('');
      expect(request!.status).toBe('open');
    });

    it('accepts an address without coordinates', async () => {
      const { lat: _lat, long: _long, ...noCoordinates } = valid();
      const res = await post('json', { ...noCoordinates, address_string: 'Xã A1' });
      expect(res.status).toBe(200);
    });

    it.each([
      ['no api_key', { api_key: '' }, 403],
      ['an unknown api_key', { api_key: 'khong-phai-khoa' }, 403],
      ['an unknown service_code', { service_code: 'khong-co' }, 400],
      ['no location', { lat: '', long: '' }, 400],
      ['a latitude out of range', { lat: '123' }, 400],
      ['a description too short', { description: 'ngắn' }, 400],
      ['a bad media_url', { media_url: 'javascript:alert(1)' }, 400],
      ['a non-Vietnamese phone', { phone: '+14155552671' }, 400],
    ] as const)('refuses %s, in the spec shape', async (_name, change, status) => {
      const fields: Record<string, string> = { ...valid(), ...change };
      for (const [k, v] of Object.entries(fields)) if (v === '') delete fields[k];
      const j = await post('json', fields);
      expect(j.status).toBe(status);
      const errors = JSON.parse(j.text) as Items;
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e).toEqual({ code: status, description: anyString });
      const x = await post('xml', fields);
      expect(x.status).toBe(status);
      expect(x.contentType).toMatch(/^text\/xml/);
      const xmlErrors = (parseXml(x.text).errors as { error: Items }).error;
      expect(xmlErrors[0]).toEqual({ code: String(status), description: errors[0]!.description });
    });

    it('requires the answers to required attributes', async () => {
      const res = await post('json', { ...valid(), service_code: 'moi-truong' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('attribute[loai-o-nhiem]');
    });

    it('refuses a revoked key', async () => {
      const issued = await adminRequest(sys.baseUrl, 'POST', '/v1/admin/api-keys', { name: 'old' });
      const key = issued.body!.key as string;
      expect((await post('json', { ...valid(), api_key: key })).status).toBe(200);
      const revoked = await adminRequest(
        sys.baseUrl,
        'DELETE',
        `/v1/admin/api-keys/${String(issued.body!.id)}`,
      );
      expect(revoked.status).toBe(200);
      const refused = await post('json', { ...valid(), api_key: key });
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.text)).toEqual([{ code: 403, description: anyString }]);
    });
  });

  describe('GET requests', () => {
    it('shows a web-created case by its tracking code', async () => {
      const web = await postJson(sys.baseUrl, '/v1/cases', {
        categoryCode: 'xay-dung',
        text: 'Công trình xây dựng lấn chiếm vỉa hè đường Hà Huy Tập.',
        citizen: { name: 'Lê Văn Kín', phone: '0987654321' },
        address: '5 Hà Huy Tập',
      });
      expect(web.status).toBe(201);
      const code = web.body!.trackingCode as string;
      const res = await json(`requests/${code}`);
      expect(res.status).toBe(200);
      const [request] = JSON.parse(res.text) as Items;
      expect(request).toMatchObject({
        service_request_id: code,
        service_code: 'xay-dung',
        status: 'open',
        address: null,
        description: null,
        lat: null,
        status_notes: null,
      });
      expect(res.text).not.toContain('Lê Văn Kín');
      expect(res.text).not.toContain('Hà Huy Tập');
      // Lower case and without the dash: the same request.
      const loose = await json(`requests/${code.replace('-', '').toLowerCase()}`);
      expect(loose.status).toBe(200);
    });

    it('filters by ids, service, status and dates, newest first', async () => {
      const all = JSON.parse((await json('requests')).text) as Items;
      expectValid('requests.json', all);
      expect(all.length).toBeGreaterThanOrEqual(5);
      const times = all.map((r) => Date.parse(r.requested_datetime as string));
      expect([...times].sort((a, b) => b - a)).toEqual(times);

      const ids = [all[0]!.service_request_id, all[2]!.service_request_id] as string[];
      const byIds = JSON.parse(
        (
          await get(
            sys.baseUrl,
            `/open311/v2/requests.json?service_request_id=${ids.join(',')}&service_code=khong-co`,
          )
        ).text,
      ) as Items;
      expect(byIds.map((r) => r.service_request_id).sort()).toEqual([...ids].sort());

      const env = JSON.parse(
        (await get(sys.baseUrl, '/open311/v2/requests.json?service_code=moi-truong')).text,
      ) as Items;
      expect(env.length).toBeGreaterThan(0);
      expect(env.every((r) => r.service_code === 'moi-truong')).toBe(true);

      const open = JSON.parse(
        (await get(sys.baseUrl, '/open311/v2/requests.json?status=open')).text,
      ) as Items;
      expect(open).toHaveLength(all.length);
      const closed = JSON.parse(
        (await get(sys.baseUrl, '/open311/v2/requests.json?status=closed')).text,
      ) as Items;
      expect(closed).toEqual([]);

      const future = JSON.parse(
        (await get(sys.baseUrl, '/open311/v2/requests.json?start_date=2999-01-01T00:00:00Z')).text,
      ) as Items;
      expect(future).toEqual([]);
      const window = JSON.parse(
        (
          await get(
            sys.baseUrl,
            `/open311/v2/requests.json?start_date=${new Date(Date.now() - 3_600_000).toISOString()}&end_date=${new Date(Date.now() + 60_000).toISOString()}`,
          )
        ).text,
      ) as Items;
      expect(window).toHaveLength(all.length);

      const x = await xml('requests');
      const items = (parseXml(x.text).service_requests as { request: Items }).request;
      expect(items).toHaveLength(all.length);
      all.forEach((r, i) => sameFields(r, items[i]!));
    });

    it('an empty list in XML is an empty <service_requests>', async () => {
      const x = await get(sys.baseUrl, '/open311/v2/requests.xml?status=closed');
      expect(x.status).toBe(200);
      expect(parseXml(x.text).service_requests).toBe('');
    });

    it.each([
      ['status=maybe'],
      ['start_date=hom-qua'],
      ['start_date=2026-03-01T00:00:00Z&end_date=2026-01-01T00:00:00Z'],
      ['start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z'],
    ])('refuses %s with 400', async (query) => {
      const res = await get(sys.baseUrl, `/open311/v2/requests.json?${query}`);
      expect(res.status).toBe(400);
      expect((JSON.parse(res.text) as Items)[0]).toMatchObject({ code: 400 });
    });

    it('shows a resolved case as closed, its resolution kept back while unpublished', async () => {
      const res = await post('json', valid());
      const code = (JSON.parse(res.text) as Items)[0]!.service_request_id as string;
      const stored = code.replace('-', '');
      // An official's resolution, written as the case machine would (its own flow is tested elsewhere).
      await sys.database.db.execute(sql`
        with c as (
          update cases set status = 'resolved', version = version + 1
          where tracking_code = ${stored} returning id, version)
        insert into case_events (case_id, version, type, payload, actor_kind, occurred_at)
        select id, version, 'resolved', '{"resolutionText":"Đã vá xong ổ gà"}'::jsonb, 'system', now()
        from c`);
      const [request] = JSON.parse((await json(`requests/${code}`)).text) as Items;
      expect(request).toMatchObject({ status: 'closed', status_notes: null });
      const closed = JSON.parse(
        (await get(sys.baseUrl, '/open311/v2/requests.json?status=closed')).text,
      ) as Items;
      // Listed, but not under its tracking code: the list gives unpublished cases an opaque id.
      expect(closed).toHaveLength(1);
      expect(closed[0]!.service_request_id).not.toBe(code);
      expect(closed[0]!.service_request_id).toMatch(/^[0-9a-f-]{36}$/);
      const byOpaqueId = JSON.parse(
        (await json(`requests/${closed[0]!.service_request_id as string}`)).text,
      ) as Items;
      expect(byOpaqueId).toEqual(closed);
      const x = await xml(`requests/${code}`);
      const [fromXml] = (parseXml(x.text).service_requests as { request: Items }).request;
      expect(fromXml!.status_notes).toBe('');
      expect(x.text).not.toContain('Đã vá xong ổ gà');
    });

    it('answers 404 in the spec shape for an unknown id', async () => {
      for (const id of ['2345-6789', 'khong-co']) {
        const j = await json(`requests/${id}`);
        expect(j.status).toBe(404);
        expect(JSON.parse(j.text)).toEqual([{ code: 404, description: anyString }]);
        const x = await xml(`requests/${id}`);
        expect(x.status).toBe(404);
        expect((parseXml(x.text).errors as { error: Items }).error[0]!.code).toBe('404');
      }
      const noFormat = await get(sys.baseUrl, '/open311/v2/requests/2345-6789');
      expect(noFormat.status).toBe(404);
    });
  });

  describe('tokens', () => {
    it('resolves a token (the tracking code) to its request, in JSON and XML', async () => {
      const res = await post('json', valid());
      const code = (JSON.parse(res.text) as Items)[0]!.service_request_id as string;
      const j = await json(`tokens/${code}`);
      expect(j.status).toBe(200);
      expect(JSON.parse(j.text)).toEqual([{ service_request_id: code, token: code }]);
      const x = await xml(`tokens/${code}`);
      const [request] = (parseXml(x.text).service_requests as { request: Items }).request;
      expect(request).toEqual({ service_request_id: code, token: code });
      expect((await json('tokens/2345-6789')).status).toBe(404);
      expect((await xml('tokens/khong-co')).status).toBe(404);
    });
  });
});

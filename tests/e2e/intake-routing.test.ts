import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@hotline/testing';
import { getJson, postJson, startSystem, type TestSystem } from '../support/system.js';

interface Timeline {
  type: string;
  unit?: { code: string };
}

describe('a case travels end to end: intake → outbox → BullMQ → routing → tracking page', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem();
  });
  afterAll(async () => {
    await sys.close();
  });

  const routedView = (code: string) =>
    waitFor(
      async () => {
        const { body } = await getJson(sys.baseUrl, `/v1/cases/${code}`);
        return (body.timeline as Timeline[]).some((e) => e.type === 'routed') ? body : undefined;
      },
      { what: `case ${code} routed` },
    );

  it('routes a case without hotline to the triage unit; the timeline shows received then routed', async () => {
    const res = await postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'moi-truong',
      text: 'Bãi rác tự phát bốc mùi cạnh trường học, đề nghị xử lý.',
      communeCode: sys.province.communeCode,
      address: 'Thôn 3',
      citizen: { name: 'Nguyễn Thị B', phone: '0912345678' },
    });
    expect(res.status).toBe(201);
    const code = res.body!.trackingCode as string;
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    const view = await routedView(code);
    expect(view.unit).toEqual({ code: 'triage', name: 'Trung tâm tiếp nhận' });
    expect((view.timeline as Timeline[]).map((e) => e.type)).toEqual(['received', 'routed']);
    expect(view.status).toBe('received');
    // The public view carries no personal data.
    const text = JSON.stringify(view);
    expect(text).not.toContain('912345678');
    expect(text).not.toContain('Nguyễn Thị B');
  });

  it("routes a case sent to a hotline to the hotline owner's unit", async () => {
    const res = await postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'xay-dung',
      text: 'Công trình xây dựng không phép lấn chiếm vỉa hè.',
      hotline: '0239 3000 111',
      isAnonymous: true,
    });
    expect(res.status).toBe(201);
    const view = await routedView(res.body!.trackingCode as string);
    expect((view.unit as { code: string }).code).toBe('so-xay-dung');
    const routed = (view.timeline as Timeline[]).find((e) => e.type === 'routed');
    expect(routed?.unit?.code).toBe('so-xay-dung');
  });

  it('shows a consistent view while routing happens (unit set exactly when routed)', async () => {
    const codes = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const res = await postJson(sys.baseUrl, '/v1/cases', {
          categoryCode: 'xay-dung',
          text: `Công trình số ${i} thi công quá giờ quy định.`,
        });
        return res.body!.trackingCode as string;
      }),
    );
    const pending = new Set(codes);
    let observed = 0;
    while (pending.size > 0) {
      await Promise.all(
        [...pending].map(async (code) => {
          const { body } = await getJson(sys.baseUrl, `/v1/cases/${code}`);
          const routed = (body.timeline as Timeline[]).some((e) => e.type === 'routed');
          observed++;
          expect(body.unit !== null, `case ${code}: unit ${JSON.stringify(body.unit)}`).toBe(
            routed,
          );
          if (routed) pending.delete(code);
        }),
      );
    }
    expect(observed).toBeGreaterThanOrEqual(20);
  });

  it('accepts the tracking code in lower case and without the dash', async () => {
    const res = await postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'xay-dung',
      text: 'Đường vào thôn bị sạt lở sau mưa lớn.',
    });
    const code = (res.body!.trackingCode as string).replace('-', '').toLowerCase();
    const view = await getJson(sys.baseUrl, `/v1/cases/${code}`);
    expect(view.status).toBe(200);
    expect(view.body.trackingCode).toBe(res.body!.trackingCode);
  });

  it('answers 404 for a well-formed code that does not exist', async () => {
    // A valid check character on a code nobody holds.
    const { trackingCodeFromBytes } = await import('@hotline/domain');
    const code = trackingCodeFromBytes(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    const res = await getJson(sys.baseUrl, `/v1/cases/${code}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('CASE_NOT_FOUND');
  });

  it('serves health, readiness, categories and the OpenAPI document', async () => {
    expect((await getJson(sys.baseUrl, '/healthz')).body).toEqual({ status: 'up' });
    expect((await getJson(sys.baseUrl, '/readyz')).body).toEqual({
      status: 'up',
      checks: { postgres: 'up', redis: 'up' },
    });
    const cats = await getJson(sys.baseUrl, '/v1/categories');
    expect((cats.body.categories as { code: string }[]).map((c) => c.code)).toEqual([
      'xay-dung',
      'moi-truong',
      'khac',
    ]);
    const doc = await getJson(sys.baseUrl, '/docs/json');
    const paths = doc.body.paths as Record<string, Record<string, { requestBody?: unknown }>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/v1/cases', '/v1/cases/{trackingCode}', '/healthz', '/readyz']),
    );
    // The request schema in the document is the one that validates requests.
    expect(JSON.stringify(paths['/v1/cases']?.post?.requestBody)).toContain('categoryCode');
  });
});

import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCase, submitCase } from '@hotline/core';
import { tables } from '@hotline/db';
import { addTriageOfficials, caseAt, type Officials } from '../follow-up/follow-up-support.js';
import { bearerFor } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { expectValid, get, parseXml } from './open311-client.js';

type Items = Record<string, unknown>[];

// What a citizen typed: a name, an ID-card number, a phone, a house address.
const PRIVATE_TEXT =
  'Tôi là Trần Thị Mai, CCCD 042190001234, nhà số 17 ngõ 5 Nguyễn Du, gọi 0912 345 678: ' +
  'cống trước nhà tắc đã hai tuần.';
const SECRETS = ['Trần Thị Mai', '042190001234', 'ngõ 5', '0912', '345 678', '18.3456', '105.9057'];

describe('Open311 shows only what the public-case module allows', () => {
  let sys: TestSystem;
  let officials: Officials;
  let leader: Record<string, string>;
  const json = async (path: string) => {
    const res = await get(sys.baseUrl, `/open311/v2/${path}`);
    return { ...res, body: JSON.parse(res.text) as Items };
  };
  const place = (caseId: string) =>
    sys.database.db
      .update(tables.cases)
      .set({ latitude: 18.34567, longitude: 105.90571, address: 'số 17 ngõ 5 Nguyễn Du' })
      .where(eq(tables.cases.id, caseId));

  let unpublished: { caseId: string; trackingCode: string };
  let published: { caseId: string; trackingCode: string };
  let denunciation: { caseId: string; trackingCode: string };

  beforeAll(async () => {
    sys = await startSystem({ withWorker: false, label: 'open311-privacy' });
    officials = await addTriageOfficials(sys);
    leader = await bearerFor(sys.baseUrl, officials.leader.officialId);
    unpublished = await caseAt(sys, officials, 'resolved', {
      text: PRIVATE_TEXT,
      consentToPublish: true,
    });
    published = await caseAt(sys, officials, 'resolved', {
      text: PRIVATE_TEXT,
      consentToPublish: true,
    });
    await place(unpublished.caseId);
    await place(published.caseId);
    const approved = await fetch(`${sys.baseUrl}/v1/moderation/cases/${published.caseId}/approve`, {
      method: 'POST',
      headers: leader,
      body: JSON.stringify({
        publicText: 'Cống trước nhà tắc đã hai tuần.',
        publicAnswer: 'Đã nạo vét cống.',
      }),
    });
    expect(approved.status).toBe(200);
    // A denunciation (tố cáo): classified so by a supervisor at triage.
    const submitted = await submitCase(
      { sql: sys.database.raw, randomBytes },
      {
        body: { categoryCode: 'moi-truong', text: `Tố cáo cán bộ nhận hối lộ. ${PRIVATE_TEXT}` },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      new Date(),
    );
    await changeCase(
      { db: sys.database.db },
      submitted.caseId,
      { type: 'triaged', caseType: 'denunciation' },
      { kind: 'official', officialId: officials.leader.officialId, roles: ['supervisor'] },
      new Date(),
    );
    denunciation = submitted;
  });
  afterAll(async () => {
    await sys?.close();
  });

  it('lists unpublished cases as a summary under an opaque id: no text, place or answer', async () => {
    const list = await json('requests.json');
    expect(list.status).toBe(200);
    expectValid('requests.json', list.body);
    for (const secret of SECRETS) expect(list.text).not.toContain(secret);
    expect(list.text).not.toContain('Đã thu gom');
    const summary = list.body.find((r) => r.service_request_id === unpublished.caseId)!;
    expect(summary).toMatchObject({
      status: 'closed',
      service_code: 'moi-truong',
      service_name: 'Môi trường',
      agency_responsible: expect.any(String) as unknown,
      description: null,
      status_notes: null,
      address: null,
      lat: null,
      long: null,
      media_url: null,
    });
    // No tracking code of an unpublished case in a list: it would open its OTP flow to anyone.
    expect(list.text).not.toContain(unpublished.trackingCode);
    const one = await json(`requests/${unpublished.trackingCode}.json`);
    expect(one.body).toEqual([{ ...summary, service_request_id: unpublished.trackingCode }]);
  });

  it('shows a published case with the approved text and answer, its place to about 1 km', async () => {
    const list = await json('requests.json');
    const shown = list.body.find((r) => r.service_request_id === published.trackingCode)!;
    expect(shown).toMatchObject({
      description: 'Cống trước nhà tắc đã hai tuần.',
      status_notes: 'Đã nạo vét cống.',
      address: null,
      lat: 18.35,
      long: 105.91,
    });
    const x = await get(sys.baseUrl, `/open311/v2/requests/${published.trackingCode}.xml`);
    const [request] = (parseXml(x.text).service_requests as { request: Items }).request;
    expect(request!.description).toBe('Cống trước nhà tắc đã hai tuần.');
    for (const secret of SECRETS) expect(x.text).not.toContain(secret);
  });

  it('never shows a denunciation, in a list or by id', async () => {
    const list = await json('requests.json?page_size=200');
    const ids = list.body.map((r) => r.service_request_id);
    expect(ids).not.toContain(denunciation.caseId);
    expect(ids).not.toContain(denunciation.trackingCode);
    expect((await json(`requests/${denunciation.trackingCode}.json`)).status).toBe(404);
    expect((await json(`requests/${denunciation.caseId}.json`)).status).toBe(404);
    const byIds = await json(
      `requests.json?service_request_id=${denunciation.trackingCode},${denunciation.caseId}`,
    );
    expect(byIds.body).toEqual([]);
  });

  it('pages with page and page_size (50 by default, 200 at most)', async () => {
    for (let i = 0; i < 51; i += 1) {
      await submitCase(
        { sql: sys.database.raw, randomBytes },
        {
          body: { categoryCode: 'moi-truong', text: `Rác thải ven đường số ${i} chưa thu gom.` },
          channel: 'web',
          actor: { kind: 'citizen' },
        },
        new Date(),
      );
    }
    const first = await json('requests.json');
    expect(first.body).toHaveLength(50);
    const all = await json('requests.json?page_size=200');
    expect(all.body).toHaveLength(53);
    const page2 = await json('requests.json?page_size=20&page=2');
    expect(page2.body.map((r) => r.service_request_id)).toEqual(
      all.body.slice(20, 40).map((r) => r.service_request_id),
    );
    const last = await json('requests.json?page=2');
    expect(last.body).toHaveLength(3);
    for (const bad of ['page_size=201', 'page_size=0', 'page=0', 'page=abc']) {
      const res = await json(`requests.json?${bad}`);
      expect(res.status).toBe(400);
      expect(res.body[0]).toMatchObject({ code: 400 });
      expect(res.body[0]!.description).toMatch(/page/);
    }
  });
});

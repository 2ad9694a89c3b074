import { randomBytes } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCase, submitCase } from '@hotline/core';
import { tables } from '@hotline/db';
import { addTriageOfficials, caseAt, type Officials } from '../follow-up/follow-up-support.js';
import { addOfficial, bearerFor } from '../support/officials.js';
import { getJson, startSystem, type TestSystem } from '../support/system.js';

type Json = Record<string, unknown>;

describe('moderation: public means consented, approved by an official, and redacted', () => {
  let sys: TestSystem;
  let officials: Officials;
  let leader: Record<string, string>;

  const call = async (
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ) => {
    const res = await fetch(sys.baseUrl + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const approve = (caseId: string, body: unknown = {}, as = leader) =>
    call('POST', `/v1/moderation/cases/${caseId}/approve`, as, body);
  const refuse = (caseId: string, reason: string, as = leader) =>
    call('POST', `/v1/moderation/cases/${caseId}/refuse`, as, { reason });
  const publishedCodes = async () => {
    const res = await getJson(sys.baseUrl, '/v1/published-cases?pageSize=50');
    return (res.body.items as Json[]).map((i) => i.trackingCode);
  };
  const eventsOf = (caseId: string) =>
    sys.database.db
      .select()
      .from(tables.caseEvents)
      .where(
        and(eq(tables.caseEvents.caseId, caseId), like(tables.caseEvents.type, 'publication_%')),
      );

  beforeAll(async () => {
    sys = await startSystem({ withWorker: false, label: 'moderation' });
    officials = await addTriageOfficials(sys);
    leader = await bearerFor(sys.baseUrl, officials.leader.officialId);
  });
  afterAll(async () => {
    await sys?.close();
  });

  it('consent without approval is not public; the case waits in the queue', async () => {
    const c = await caseAt(sys, officials, 'resolved', {
      consentToPublish: true,
      text: 'Chờ duyệt: hố ga mất nắp trên đường Phan Đình Phùng.',
    });
    expect(await publishedCodes()).not.toContain(c.trackingCode);
    const queue = await call('GET', '/v1/moderation/cases', leader);
    expect(queue.status).toBe(200);
    const items = queue.body.items as Json[];
    expect(items.map((i) => i.id)).toContain(c.caseId);
    expect(items.find((i) => i.id === c.caseId)).toMatchObject({
      trackingCode: c.trackingCode,
      publicationState: 'pending',
    });
  });

  it('shows the original beside the redacted version; approval publishes the redacted one', async () => {
    const text = 'Tôi Nguyễn Văn Hùng, số 0912 345 678, báo đèn đường hỏng ở thôn 3.';
    const c = await caseAt(sys, officials, 'resolved', {
      consentToPublish: true,
      text,
      phone: '0912345678',
    });
    const one = await call('GET', `/v1/moderation/cases/${c.caseId}`, leader);
    expect(one.status).toBe(200);
    const original = one.body.original as Json;
    const proposed = one.body.public as Json;
    expect(original.text).toBe(text);
    expect(original.answer).toMatch(/^Đã thu gom/);
    expect(proposed.text).not.toMatch(/0912|345 678/);
    expect(proposed.answer).not.toMatch(/0987|654 321|canbo@/);
    expect(one.body).toMatchObject({ cannotApprove: null, publication: { state: 'pending' } });

    const approved = await approve(c.caseId);
    expect(approved.status).toBe(200);
    expect(approved.body.publication).toMatchObject({ state: 'approved' });
    expect((approved.body.publication as Json).decidedBy).toBe('Lê Lãnh Đạo');
    const res = await getJson(sys.baseUrl, '/v1/published-cases?pageSize=50');
    const item = (res.body.items as Json[]).find((i) => i.trackingCode === c.trackingCode)!;
    expect(item.text).toBe(proposed.text);
    expect(item.resolution).toBe(proposed.answer);

    const [event] = await eventsOf(c.caseId);
    expect(event).toMatchObject({
      type: 'publication_approved',
      actorKind: 'official',
      actorOfficialId: officials.leader.officialId,
      payload: { publicText: proposed.text, publicAnswer: proposed.answer },
    });
    const queue = await call('GET', '/v1/moderation/cases', leader);
    expect((queue.body.items as Json[]).map((i) => i.id)).not.toContain(c.caseId);
  });

  it('publishes the public version as the official edited it, redacted again', async () => {
    const c = await caseAt(sys, officials, 'resolved', { consentToPublish: true });
    const approved = await approve(c.caseId, {
      publicText: 'Rác thải đổ trộm ven sông. Liên hệ 0905 111 222.',
      publicAnswer: 'Xã đã thu gom rác và lắp biển cấm.',
    });
    expect(approved.status).toBe(200);
    const res = await getJson(sys.baseUrl, '/v1/published-cases?pageSize=50');
    const item = (res.body.items as Json[]).find((i) => i.trackingCode === c.trackingCode)!;
    expect(item.text).toMatch(/^Rác thải đổ trộm ven sông\. Liên hệ /);
    expect(item.text).not.toMatch(/0905|111 222/);
    expect(item.resolution).toBe('Xã đã thu gom rác và lắp biển cấm.');
  });

  it('approval without consent, or of a denunciation, is 409 with the reason', async () => {
    const c = await caseAt(sys, officials, 'resolved');
    const refused = await approve(c.caseId);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/consent/);
    expect((await call('GET', `/v1/moderation/cases/${c.caseId}`, leader)).body).toMatchObject({
      cannotApprove: { reason: 'no_consent' },
    });

    const d = await submitCase(
      { sql: sys.database.raw, randomBytes },
      {
        body: { categoryCode: 'moi-truong', text: 'Tố cáo cán bộ xã nhận tiền.' },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      new Date(),
    );
    await sys.database.db
      .update(tables.cases)
      .set({ consentToPublish: true })
      .where(eq(tables.cases.id, d.caseId));
    await changeCase(
      { db: sys.database.db },
      d.caseId,
      { type: 'triaged', caseType: 'denunciation' },
      { kind: 'official', officialId: officials.leader.officialId, roles: ['supervisor'] },
      new Date(),
    );
    const supervisorId = await addOfficial(sys.database.db, sys.province.triageUnitId, [
      'supervisor',
    ]);
    const denied = await approve(d.caseId, {}, await bearerFor(sys.baseUrl, supervisorId));
    expect(denied.status).toBe(409);
    expect(denied.body.message).toMatch(/denunciation/);
    expect(await eventsOf(c.caseId)).toEqual([]);
    expect(await eventsOf(d.caseId)).toEqual([]);
  });

  it('refusal keeps a case off every public list, also after an approval', async () => {
    const c = await caseAt(sys, officials, 'resolved', { consentToPublish: true });
    expect((await refuse(c.caseId, '  ')).status).toBe(400);
    const refused = await refuse(c.caseId, 'Nội dung nêu đích danh cá nhân.');
    expect(refused.status).toBe(200);
    expect(refused.body.publication).toMatchObject({
      state: 'refused',
      note: 'Nội dung nêu đích danh cá nhân.',
    });
    expect(await publishedCodes()).not.toContain(c.trackingCode);

    const later = await caseAt(sys, officials, 'resolved', { consentToPublish: true });
    expect((await approve(later.caseId)).status).toBe(200);
    expect(await publishedCodes()).toContain(later.trackingCode);
    expect((await refuse(later.caseId, 'Rút lại: người dân đề nghị.')).status).toBe(200);
    expect(await publishedCodes()).not.toContain(later.trackingCode);
    const events = await eventsOf(later.caseId);
    expect(events.map((e) => [e.type, e.actorOfficialId])).toEqual([
      ['publication_approved', officials.leader.officialId],
      ['publication_refused', officials.leader.officialId],
    ]);
  });

  it('reopening withdraws a publication until the new answer is reviewed', async () => {
    const c = await caseAt(sys, officials, 'resolved', { consentToPublish: true });
    expect((await approve(c.caseId)).status).toBe(200);
    await changeCase(
      { db: sys.database.db },
      c.caseId,
      { type: 'reopened', reason: 'Chưa thu gom hết' },
      { kind: 'citizen' },
      new Date(),
    );
    expect(await publishedCodes()).not.toContain(c.trackingCode);
  });

  it('only leaders in scope, supervisors and administrators moderate', async () => {
    const c = await caseAt(sys, officials, 'resolved', { consentToPublish: true });
    const handler = await bearerFor(sys.baseUrl, officials.handler.officialId);
    expect((await call('GET', '/v1/moderation/cases', handler)).status).toBe(403);
    expect((await approve(c.caseId, {}, handler)).status).toBe(403);
    const [otherUnit] = await sys.database.db
      .insert(tables.adminUnits)
      .values({ code: 'so-khac', name: 'Sở khác', kind: 'department' })
      .returning();
    const outsider = await bearerFor(
      sys.baseUrl,
      await addOfficial(sys.database.db, otherUnit!.id, ['unit_leader']),
    );
    expect((await approve(c.caseId, {}, outsider)).status).toBe(404);
    const theirQueue = await call('GET', '/v1/moderation/cases', outsider);
    expect(theirQueue.body.items).toEqual([]);
    const noAuth = await fetch(`${sys.baseUrl}/v1/moderation/cases`);
    expect(noAuth.status).toBe(401);
    expect(await publishedCodes()).not.toContain(c.trackingCode);
  });
});

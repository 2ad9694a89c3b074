import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { tables } from '@hotline/db';
import { addOfficial, bearerFor } from '../support/officials.js';
import { getJson, startSystem, type TestSystem } from '../support/system.js';
import { act, citizenProvides, detail, routedCase, uploadAsOfficial } from './helpers.js';

type Headers = Record<string, string>;

describe('officials act on cases through /v1/cases/:id/…', () => {
  let system: TestSystem;
  let base: string;
  let leaderId: string;
  let handlerId: string;
  let handler2Id: string;
  let leader: Headers;
  let handler: Headers;
  let handler2: Headers;
  let outsider: Headers;
  let supervisor: Headers;

  beforeAll(async () => {
    system = await startSystem({ label: 'case_actions', withWorker: false });
    base = system.baseUrl;
    const { db } = system.database;
    const unit = system.province.triageUnitId;
    leaderId = await addOfficial(db, unit, ['unit_leader'], { fullName: 'Lê Văn Trưởng' });
    handlerId = await addOfficial(db, unit, ['handler'], { fullName: 'Phạm Thị Xử Lý' });
    handler2Id = await addOfficial(db, unit, ['handler']);
    const outsiderId = await addOfficial(db, system.province.departmentUnitId, ['handler']);
    const supervisorId = await addOfficial(db, unit, ['supervisor']);
    leader = await bearerFor(base, leaderId);
    handler = await bearerFor(base, handlerId);
    handler2 = await bearerFor(base, handler2Id);
    outsider = await bearerFor(base, outsiderId);
    supervisor = await bearerFor(base, supervisorId);
  }, 60_000);
  afterAll(async () => {
    await system?.close();
  });

  /** A routed case assigned to the handler and accepted: in progress. */
  async function inProgressCase(extra: Parameters<typeof routedCase>[1] = {}) {
    const c = await routedCase(system, extra);
    expect(
      (await act(base, leader, c.trackingCode, 'assign', { assigneeId: handlerId })).status,
    ).toBe(200);
    expect((await act(base, handler, c.trackingCode, 'accept')).status).toBe(200);
    return c;
  }

  const eventTypes = async (caseId: string) =>
    (
      await system.database.db
        .select({ type: tables.caseEvents.type })
        .from(tables.caseEvents)
        .where(eq(tables.caseEvents.caseId, caseId))
        .orderBy(tables.caseEvents.version)
    ).map((r) => r.type);

  const templatesFor = async (caseId: string) =>
    (
      await system.database.db
        .select({ template: tables.notifications.template })
        .from(tables.notifications)
        .where(eq(tables.notifications.caseId, caseId))
    ).map((r) => r.template);

  it('walks a case through its whole life over HTTP', async () => {
    const c = await routedCase(system);
    let r = await act(base, leader, c.caseId, 'assign', { assigneeId: handlerId });
    expect(r).toMatchObject({ status: 200, body: { status: 'assigned', assigneeId: handlerId } });
    const v = r.body.version as number;
    // A bodiless POST (curl -X POST) with the version in If-Match.
    const res = await fetch(`${base}/v1/cases/${c.trackingCode}/accept`, {
      method: 'POST',
      headers: { authorization: handler.authorization!, 'if-match': `"${v}"` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'in_progress', version: v + 1 });
    r = await act(base, handler, c.trackingCode, 'request-information', {
      question: 'Xin cho biết số nhà chính xác?',
      expectedVersion: v + 1,
    });
    expect(r.body).toMatchObject({ status: 'awaiting_citizen' });
    expect(await templatesFor(c.caseId)).toContain('citizen_info_requested');
    const paused = await detail(base, handler, c.trackingCode);
    expect((paused.body.sla as { isPaused: boolean }).isPaused).toBe(true);

    await citizenProvides(system, c.caseId, 'Số 12, ngõ 3');
    r = await act(base, handler, c.trackingCode, 'reply', { text: 'Đã kiểm tra hiện trường.' });
    expect(r).toMatchObject({ status: 200, body: { status: 'in_progress' } });
    expect(await templatesFor(c.caseId)).toContain('citizen_replied');
    r = await act(base, handler, c.trackingCode, 'resolve', { answer: 'Đã xử lý vi phạm.' });
    expect(r.body).toMatchObject({ status: 'resolved' });
    expect(await templatesFor(c.caseId)).toContain('citizen_resolved');
    // Closing is for the citizen, the system or a supervisor; the handler is refused.
    expect((await act(base, handler, c.trackingCode, 'close')).status).toBe(403);
    r = await act(base, supervisor, c.trackingCode, 'close');
    expect(r.body).toMatchObject({ status: 'closed' });
    // Illegal for the status: 409 with the reason.
    r = await act(base, handler, c.trackingCode, 'accept');
    expect(r).toMatchObject({ status: 409, body: { code: 'ILLEGAL_TRANSITION' } });
    expect(r.body.message).toMatch(/closed/);

    expect(await eventTypes(c.caseId)).toEqual([
      'received',
      'routed',
      'assigned',
      'accepted',
      'info_requested',
      'info_provided',
      'replied',
      'resolved',
      'closed',
    ]);
    const page = await detail(base, handler, c.trackingCode);
    const timeline = page.body.timeline as { type: string; actor: { name: string | null } }[];
    expect(timeline.find((e) => e.type === 'accepted')?.actor.name).toBe('Phạm Thị Xử Lý');
    expect(timeline.find((e) => e.type === 'assigned')?.actor.name).toBe('Lê Văn Trưởng');
    expect(timeline.find((e) => e.type === 'info_provided')?.actor.name).toBe('citizen');
  });

  it('transfers need a reason, are counted, and leave the old unit without access', async () => {
    const c = await inProgressCase();
    let r = await act(base, handler, c.trackingCode, 'transfer', { toUnitCode: 'so-xay-dung' });
    expect(r.status).toBe(400);
    r = await act(base, handler, c.trackingCode, 'transfer', {
      toUnitCode: 'so-xay-dung',
      reason: 'Thuộc thẩm quyền Sở Xây dựng',
    });
    expect(r).toMatchObject({
      status: 200,
      body: { status: 'triaged', unitId: system.province.departmentUnitId, assigneeId: null },
    });
    // The old unit's handler no longer sees it; the new unit's does.
    r = await act(base, handler, c.trackingCode, 'comment', { text: 'x' });
    expect(r.status).toBe(404);
    r = await act(base, outsider, c.trackingCode, 'transfer', {
      toUnitCode: 'nowhere',
      reason: 'x',
    });
    expect(r).toMatchObject({ status: 400, body: { errors: [{ reason: 'unknown_unit' }] } });
    const page = await detail(base, outsider, c.trackingCode);
    expect(page.status).toBe(200);
    expect(page.body.transferCount).toBe(1);
    r = await act(base, outsider, c.trackingCode, 'transfer', {
      toUnitCode: 'triage',
      reason: 'Không thuộc thẩm quyền',
      expectedVersion: page.body.version,
    });
    expect(r).toMatchObject({ status: 200, body: { version: (page.body.version as number) + 1 } });
    const back = await detail(base, handler, c.trackingCode);
    expect(back.body.transferCount).toBe(2);
  });

  it('extensions: the handler asks, a leader grants or refuses', async () => {
    const c = await inProgressCase();
    expect(
      (
        await act(base, handler, c.trackingCode, 'request-extension', {
          duration: 'tomorrow',
          reason: 'x',
        })
      ).status,
    ).toBe(400);
    let r = await act(base, handler, c.trackingCode, 'request-extension', {
      duration: 'P2D',
      reason: 'Cần phối hợp liên ngành',
    });
    expect(r.body).toMatchObject({ pendingExtension: { duration: 'P2D' } });
    const before = await detail(base, handler, c.trackingCode);
    expect(before.body.allowedActions).not.toContain('grant-extension');
    expect((await detail(base, leader, c.trackingCode)).body.allowedActions).toEqual(
      expect.arrayContaining(['grant-extension', 'refuse-extension']),
    );
    expect(
      (await act(base, handler, c.trackingCode, 'grant-extension', { reason: 'tự duyệt' })).status,
    ).toBe(403);
    // Longer than the policy's longest extension (5 working days): a stable code per field.
    r = await act(base, leader, c.trackingCode, 'grant-extension', {
      reason: 'Đồng ý',
      duration: 'P6D',
    });
    expect(r).toMatchObject({
      status: 409,
      body: {
        code: 'EXTENSION_LIMIT',
        errors: [{ field: 'duration', reason: 'extension_too_long', params: { max: 'P5D' } }],
      },
    });
    r = await act(base, leader, c.trackingCode, 'grant-extension', { reason: 'Đồng ý' });
    expect(r).toMatchObject({ status: 200, body: { pendingExtension: null } });

    r = await act(base, handler, c.trackingCode, 'request-extension', {
      duration: 'P1D',
      reason: 'Thêm một ngày',
    });
    expect(r.status).toBe(200);
    r = await act(base, leader, c.trackingCode, 'refuse-extension', { reason: 'Không đủ căn cứ' });
    expect(r).toMatchObject({ status: 200, body: { pendingExtension: null } });
    r = await act(base, leader, c.trackingCode, 'refuse-extension', { reason: 'lần nữa' });
    expect(r).toMatchObject({
      status: 409,
      body: { code: 'RULE_VIOLATION', errors: [{ field: 'case', reason: 'no_pending_extension' }] },
    });
    const types = await eventTypes(c.caseId);
    expect(types.slice(-4)).toEqual([
      'extension_requested',
      'extension_granted',
      'extension_requested',
      'extension_refused',
    ]);
  });

  it('a unit that requires it: the handler proposes, a leader refuses then approves', async () => {
    const { db } = system.database;
    const unit = system.province.triageUnitId;
    const c = await inProgressCase();
    await db
      .update(tables.adminUnits)
      .set({ resolutionNeedsApproval: true })
      .where(eq(tables.adminUnits.id, unit));
    try {
      let r = await act(base, handler, c.trackingCode, 'resolve', { answer: 'Đề xuất trả lời' });
      expect(r.body).toMatchObject({ status: 'in_progress', pendingResolution: 'Đề xuất trả lời' });
      expect((await act(base, handler, c.trackingCode, 'approve-resolution')).status).toBe(403);
      expect((await detail(base, leader, c.trackingCode)).body.allowedActions).toEqual(
        expect.arrayContaining(['approve-resolution', 'refuse-resolution']),
      );
      r = await act(base, leader, c.trackingCode, 'refuse-resolution', {
        reason: 'Bổ sung căn cứ',
      });
      expect(r.body).toMatchObject({ status: 'in_progress', pendingResolution: null });
      r = await act(base, handler, c.trackingCode, 'resolve', { answer: 'Trả lời đầy đủ' });
      expect(r.body).toMatchObject({ pendingResolution: 'Trả lời đầy đủ' });
      r = await act(base, leader, c.trackingCode, 'approve-resolution');
      expect(r.body).toMatchObject({ status: 'resolved', pendingResolution: null });
      const page = await detail(base, handler, c.trackingCode);
      expect(page.body).toMatchObject({ resolutionText: 'Trả lời đầy đủ' });
      expect(page.body.allowedActions).toEqual(['comment', 'attachments']);
      expect((await eventTypes(c.caseId)).slice(-4)).toEqual([
        'resolution_proposed',
        'resolution_refused',
        'resolution_proposed',
        'resolved',
      ]);
    } finally {
      await db
        .update(tables.adminUnits)
        .set({ resolutionNeedsApproval: false })
        .where(eq(tables.adminUnits.id, unit));
    }
  });

  it('rejects spam; merges a duplicate and tells its citizen', async () => {
    const spam = await routedCase(system);
    expect(
      (await act(base, handler, spam.trackingCode, 'reject', { reason: 'spam', note: 'x' })).status,
    ).toBe(403);
    let r = await act(base, leader, spam.trackingCode, 'reject', {
      reason: 'spam',
      note: 'Nội dung quảng cáo',
    });
    expect(r.body).toMatchObject({ status: 'rejected' });

    const target = await routedCase(system);
    const duplicate = await routedCase(system);
    r = await act(base, leader, duplicate.trackingCode, 'merge', { into: duplicate.trackingCode });
    expect(r.status).toBe(400);
    r = await act(base, leader, duplicate.trackingCode, 'merge', { into: target.trackingCode });
    expect(r.body).toMatchObject({ status: 'merged' });
    expect(await templatesFor(duplicate.caseId)).toContain('citizen_replied');
    const page = await detail(base, leader, duplicate.trackingCode);
    expect(page.body.mergedInto).toMatchObject({ id: target.caseId });
    // When the target is resolved, the duplicate's citizen is told the answer too.
    await act(base, leader, target.trackingCode, 'assign', { assigneeId: handlerId });
    await act(base, handler, target.trackingCode, 'accept');
    r = await act(base, handler, target.trackingCode, 'resolve', { answer: 'Đã khắc phục.' });
    expect(r.body).toMatchObject({ status: 'resolved' });
    const told = await system.database.db
      .select({ template: tables.notifications.template, body: tables.notifications.body })
      .from(tables.notifications)
      .where(
        and(
          eq(tables.notifications.caseId, target.caseId),
          eq(tables.notifications.recipientKey, `citizen:${duplicate.caseId}`),
        ),
      );
    expect(told.map((t) => t.template)).toEqual(['citizen_resolved']);
  });

  it('internal notes never reach the public page; officials see both kinds', async () => {
    const c = await routedCase(system);
    await act(base, handler, c.trackingCode, 'comment', { text: 'Ghi chú nội bộ bí mật' });
    await act(base, handler, c.trackingCode, 'comment', {
      text: 'Ghi chú công khai',
      internal: false,
    });
    const pub = await getJson(base, `/v1/cases/${c.trackingCode}`);
    expect(pub.status).toBe(200);
    expect(JSON.stringify(pub.body)).not.toContain('bí mật');
    const page = await detail(base, handler, c.trackingCode);
    const notes = (page.body.timeline as { type: string; isInternal: boolean }[]).filter(
      (e) => e.type === 'comment_added',
    );
    expect(notes.map((n) => n.isInternal)).toEqual([true, false]);
  });

  it('out of scope: 404 on detail and actions; in scope but wrong role: 403', async () => {
    const c = await routedCase(system);
    expect((await detail(base, outsider, c.trackingCode)).status).toBe(404);
    expect((await detail(base, outsider, c.caseId)).status).toBe(404);
    const r = await act(base, outsider, c.trackingCode, 'comment', { text: 'x' });
    expect(r).toMatchObject({ status: 404, body: { code: 'CASE_NOT_FOUND' } });
    // Unknown and out of scope look the same.
    expect((await detail(base, outsider, '00000000-0000-4000-8000-000000000001')).status).toBe(404);
    await act(base, leader, c.trackingCode, 'assign', { assigneeId: handlerId });
    // Another handler of the unit: not the assignee.
    const notAssignee = await act(base, handler2, c.trackingCode, 'accept');
    expect(notAssignee).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await detail(base, handler2, c.trackingCode)).body.allowedActions).not.toContain(
      'accept',
    );
    const forbidden = await act(base, handler, c.trackingCode, 'reassign', {
      assigneeId: handler2Id,
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toBeTruthy();
  });

  it('two concurrent conflicting actions: one wins, the other gets 409 with the current state', async () => {
    const c = await routedCase(system);
    const page = await detail(base, leader, c.trackingCode);
    const version = page.body.version as number;
    const results = await Promise.all([
      act(base, leader, c.trackingCode, 'assign', {
        assigneeId: handlerId,
        expectedVersion: version,
      }),
      act(base, leader, c.trackingCode, 'assign', {
        assigneeId: handler2Id,
        expectedVersion: version,
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: {
        status: 'assigned',
        version: version + 1,
        assigneeId: winner.body.assigneeId,
        unitId: system.province.triageUnitId,
      },
    });
    // If-Match works too, and a stale one is refused the same way.
    const stale = await act(
      base,
      leader,
      c.trackingCode,
      'comment',
      { text: 'x' },
      {
        'if-match': `"${version}"`,
      },
    );
    expect(stale).toMatchObject({ status: 409, body: { code: 'VERSION_CONFLICT' } });
    // Transfers check the version under the same lock.
    const staleTransfer = await act(base, leader, c.trackingCode, 'transfer', {
      toUnitCode: 'so-xay-dung',
      reason: 'x',
      expectedVersion: version,
    });
    expect(staleTransfer).toMatchObject({ status: 409, body: { code: 'VERSION_CONFLICT' } });
  });

  it('detail: contact shown in scope and recorded; anonymous hidden from the unit; related cases', async () => {
    const phone = '0912099001';
    const first = await routedCase(system, {
      phone,
      text: 'Đường Lê Lợi bị ngập nước sau mưa lớn, xe máy chết máy hàng loạt.',
      communeCode: 'xa-a1',
    });
    const second = await routedCase(system, {
      phone: '0912099002',
      text: 'Duong Le Loi bi ngap nuoc sau mua lon, xe may chet may hang loat!',
    });
    const page = await detail(base, handler, first.trackingCode);
    expect(page.status).toBe(200);
    expect(page.body.citizen).toMatchObject({ name: 'Nguyễn Thị Dân', phone: '+84912099001' });
    const sla = page.body.sla as { clocks: { target: string; dueAt: string | null }[] };
    expect(sla.clocks.map((k) => k.target).sort()).toEqual([
      'acceptance',
      'first_response',
      'resolution',
    ]);
    const related = page.body.relatedCases as { id: string; reasons: string[] }[];
    expect(related.find((r) => r.id === second.caseId)?.reasons).toContain('similar_text');
    const views = await system.database.db
      .select()
      .from(tables.personalDataViews)
      .where(
        and(
          eq(tables.personalDataViews.caseId, first.caseId),
          eq(tables.personalDataViews.context, 'case_detail'),
        ),
      );
    expect(views).toHaveLength(1);
    // The helper's address is where it happened (not personal data): never recorded as shown.
    expect([...views[0]!.fields].sort()).toEqual(['name', 'phone']);

    const anonymous = await routedCase(system, { isAnonymous: true });
    const hidden = await detail(base, handler, anonymous.trackingCode);
    expect(hidden.body).toMatchObject({ isAnonymous: true, citizen: null });
    const [{ n }] = (await system.database.db.execute(
      sql`select count(*)::int as n from personal_data_views where case_id = ${anonymous.caseId}`,
    )) as unknown as [{ n: number }];
    expect(n).toBe(0);
  });

  it('allowedActions is exactly what succeeds, for a handler on an in-progress case', async () => {
    const probe = await inProgressCase();
    const other = await routedCase(system);
    const allowed = (await detail(base, handler, probe.trackingCode)).body
      .allowedActions as string[];
    const inputs: Record<string, Record<string, unknown>> = {
      accept: {},
      assign: { assigneeId: handler2Id },
      reassign: { assigneeId: handler2Id },
      'request-information': { question: 'Bổ sung ảnh?' },
      transfer: { toUnitCode: 'so-xay-dung', reason: 'Sai thẩm quyền' },
      'request-extension': { duration: 'P1D', reason: 'Cần thêm thời gian' },
      'grant-extension': { reason: 'ok', duration: 'P1D' },
      'refuse-extension': { reason: 'không' },
      comment: { text: 'ghi chú' },
      reply: { text: 'trả lời' },
      resolve: { answer: 'đã xử lý' },
      'approve-resolution': {},
      'refuse-resolution': { reason: 'không' },
      close: {},
      reject: { reason: 'spam', note: 'x' },
      merge: { into: other.trackingCode },
    };
    const succeeded: string[] = [];
    for (const [name, body] of Object.entries(inputs)) {
      const c = await inProgressCase();
      const r = await act(base, handler, c.trackingCode, name, body);
      expect([200, 403, 409]).toContain(r.status);
      if (r.status === 200) succeeded.push(name);
    }
    const upload = await uploadAsOfficial(base, handler, probe.trackingCode);
    if (upload.status === 201) succeeded.push('attachments');
    expect(upload.status).toBe(201);
    expect([...allowed].sort()).toEqual(succeeded.sort());
    expect(allowed).toEqual(
      expect.arrayContaining(['reply', 'resolve', 'transfer', 'comment', 'attachments']),
    );
    expect(allowed).not.toContain('close');
    const files = (await detail(base, handler, probe.trackingCode)).body.attachments as {
      source: string;
    }[];
    expect(files.map((f) => f.source)).toEqual(['official']);
  }, 60_000);
});

import { randomBytes } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCase, notifyChanges, routeCase, submitCase, takeInCase } from '@hotline/core';
import { insertReceivedCase, loadCaseHistory, tables } from '@hotline/db';
import { normalizeVietnamesePhone, projectCase, type Principal } from '@hotline/domain';
import {
  createTestDatabase,
  seedSmallProvince,
  type SmallProvince,
  type TestDatabase,
} from '@hotline/testing';

const SYSTEM: Principal = { kind: 'system', process: 'test' };

describe('planNotifications: who is told what, at most once, in the change’s transaction', () => {
  let t: TestDatabase;
  let province: SmallProvince;
  let handlerId: string;
  let leaderId: string;
  let leader: Principal;
  let handler: Principal;
  let operator: Principal;
  let now = new Date('2026-11-23T02:00:00Z');
  const tick = () => (now = new Date(now.getTime() + 60_000));

  beforeAll(async () => {
    t = await createTestDatabase('notify_plan');
    province = await seedSmallProvince(t.db);
    const unitId = province.triageUnitId;
    const rows = await t.db
      .insert(tables.officials)
      .values([
        { unitId, fullName: 'Phạm Xử Lý', email: 'handler@test.gov.vn', roles: ['handler'] },
        {
          unitId,
          fullName: 'Lê Lãnh Đạo',
          email: 'lead@test.gov.vn',
          phone: '+84912000002',
          roles: ['unit_leader'],
        },
        { unitId, fullName: 'Võ Tiếp Nhận', email: 'op@test.gov.vn', roles: ['operator'] },
      ])
      .returning();
    handlerId = rows[0]!.id;
    leaderId = rows[1]!.id;
    const scopeUnitIds = new Set([unitId]);
    handler = { kind: 'official', officialId: handlerId, roles: ['handler'], scopeUnitIds };
    leader = { kind: 'official', officialId: leaderId, roles: ['unit_leader'], scopeUnitIds };
    operator = { kind: 'official', officialId: rows[2]!.id, roles: ['operator'] };
  });
  afterAll(async () => {
    await t.drop();
  });

  const submit = async (
    citizen?: Record<string, string>,
    channel: 'web' | 'sms' = 'web',
    smsReceiptInReply = false,
  ) => {
    const text = 'Nước thải chảy ra kênh thủy lợi.';
    const phone = citizen?.phone ? normalizeVietnamesePhone(citizen.phone) : null;
    // An SMS case as the SMS webhook makes it, through the one intake.
    const caseId =
      channel === 'sms'
        ? (
            await takeInCase(
              { randomBytes },
              {
                channel: 'sms',
                receivedAt: tick(),
                text,
                hotlineNumber: null,
                citizen: {
                  name: null,
                  phone: phone?.ok ? phone.e164 : null,
                  email: null,
                  address: null,
                },
              },
              {},
              (c, jobs) => insertReceivedCase(t.raw, c, jobs),
            )
          ).received.row.id
        : (
            await submitCase(
              { sql: t.raw, randomBytes },
              {
                body: {
                  categoryCode: 'moi-truong',
                  text,
                  ...(citizen ? { citizen } : { isAnonymous: true }),
                },
                channel,
                actor: { kind: 'citizen' },
              },
              tick(),
            )
          ).caseId;
    await routeCase({ db: t.db, smsReceiptInReply }, caseId, tick());
    return caseId;
  };
  const rowsOf = (caseId: string) =>
    t.db
      .select()
      .from(tables.notifications)
      .where(eq(tables.notifications.caseId, caseId))
      .orderBy(tables.notifications.eventVersion, tables.notifications.channel);
  const summary = async (caseId: string) =>
    (await rowsOf(caseId)).map(
      (n) =>
        `v${n.eventVersion} ${n.template}/${n.channel} → ${n.recipientKey === 'citizen' ? 'citizen' : n.recipientKey === handlerId ? 'handler' : n.recipientKey === leaderId ? 'leader' : n.recipientKey} (${n.status})`,
    );
  const notifyJobs = async () =>
    t.db
      .select({ jobId: tables.outbox.jobId, payload: tables.outbox.payload })
      .from(tables.outbox)
      .where(like(tables.outbox.jobId, 'notify-%'));

  it('routing plans the citizen receipt by SMS and e-mail, each with its send job', async () => {
    const caseId = await submit({ phone: '0912345678', email: 'dan@mail.vn' });
    const rows = await rowsOf(caseId);
    expect(await summary(caseId)).toEqual([
      'v2 citizen_receipt/email → citizen (pending)',
      'v2 citizen_receipt/sms → citizen (pending)',
    ]);
    expect(rows.find((r) => r.channel === 'sms')?.address).toBe('+84912345678');
    expect(rows.find((r) => r.channel === 'email')?.subject).toMatch(/^Đã tiếp nhận phản ánh /);
    const jobs = await notifyJobs();
    for (const r of rows) {
      expect(jobs).toContainEqual({ jobId: `notify-${r.id}`, payload: { notificationId: r.id } });
    }
  });

  it('planning the same event twice inserts one row and one job (unique key)', async () => {
    const caseId = await submit({ phone: '0912345679' });
    const history = await loadCaseHistory(t.db, caseId);
    const state = projectCase(history.map((h) => h.event))!;
    const routed = history.filter((h) => h.event.type === 'routed');
    const before = (await notifyJobs()).length;
    const again = await t.db.transaction((tx) =>
      notifyChanges(tx, [{ caseId, state, recorded: routed, wasRouted: false, now }]),
    );
    expect(again).toBe(0);
    expect(await summary(caseId)).toEqual(['v2 citizen_receipt/sms → citizen (pending)']);
    expect((await notifyJobs()).length).toBe(before);
  });

  it('an SMS case answered by TwiML gets no second receipt; with outbound replies it does', async () => {
    const inReply = await submit({ phone: '0912345690' }, 'sms', true);
    expect(await summary(inReply)).toEqual([]);
    const outbound = await submit({ phone: '0912345691' }, 'sms', false);
    expect(await summary(outbound)).toEqual(['v2 citizen_receipt/sms → citizen (pending)']);
  });

  it('a second routing sends no second receipt', async () => {
    const caseId = await submit({ phone: '0912345680' });
    await changeCase(
      { db: t.db },
      caseId,
      { type: 'routed', unitId: province.departmentUnitId, reason: 'rule' },
      operator,
      tick(),
    );
    expect(await summary(caseId)).toEqual(['v2 citizen_receipt/sms → citizen (pending)']);
  });

  it('tells officials in-app (delivered by being written) and by e-mail or SMS', async () => {
    const caseId = await submit({ phone: '0912345681', email: 'dan2@mail.vn' });
    await changeCase(
      { db: t.db },
      caseId,
      { type: 'assigned', assigneeId: handlerId },
      leader,
      tick(),
    );
    await changeCase(
      { db: t.db },
      caseId,
      { type: 'sla_warning', target: 'resolution', dueAt: '2026-12-07T10:00:00.000Z' },
      SYSTEM,
      tick(),
    );
    await changeCase(
      { db: t.db },
      caseId,
      {
        type: 'escalated',
        level: 1,
        toOfficialId: leaderId,
        toUnitId: province.triageUnitId,
        reason: 'deadline_passed',
      },
      SYSTEM,
      tick(),
    );
    await changeCase({ db: t.db }, caseId, { type: 'accepted' }, handler, tick());
    await changeCase(
      { db: t.db },
      caseId,
      { type: 'info_requested', question: 'Đề nghị cho biết vị trí cống xả.' },
      handler,
      tick(),
    );
    expect(await summary(caseId)).toEqual([
      'v2 citizen_receipt/email → citizen (pending)',
      'v2 citizen_receipt/sms → citizen (pending)',
      'v3 official_assigned/email → handler (pending)',
      'v3 official_assigned/in_app → handler (sent)',
      'v4 sla_warning/in_app → handler (sent)',
      'v5 escalation/in_app → leader (sent)',
      'v5 escalation/sms → leader (pending)',
      'v7 citizen_info_requested/email → citizen (pending)',
      'v7 citizen_info_requested/sms → citizen (pending)',
    ]);
    const rows = await rowsOf(caseId);
    const inApp = rows.filter((r) => r.channel === 'in_app');
    expect(inApp.every((r) => r.address === null && r.sentAt !== null)).toBe(true);
    expect(inApp.find((r) => r.template === 'sla_warning')?.body).toContain('17:00 07/12/2026');
    const jobs = (await notifyJobs()).map((j) => j.jobId);
    for (const r of inApp) expect(jobs).not.toContain(`notify-${r.id}`);
    expect(rows.find((r) => r.template === 'escalation' && r.channel === 'sms')?.address).toBe(
      '+84912000002',
    );
    expect(
      rows.find((r) => r.template === 'citizen_info_requested' && r.channel === 'sms')?.body,
    ).toContain('vị trí cống xả');
  });

  it('warns the unit’s leaders when nobody is assigned', async () => {
    const caseId = await submit();
    await changeCase(
      { db: t.db },
      caseId,
      { type: 'sla_warning', target: 'acceptance', dueAt: '2026-11-24T02:30:00.000Z' },
      SYSTEM,
      tick(),
    );
    expect(await summary(caseId)).toEqual(['v3 sla_warning/in_app → leader (sent)']);
  });

  it('tells an anonymous citizen without contact nothing', async () => {
    const caseId = await submit();
    expect(await rowsOf(caseId)).toEqual([]);
  });
});

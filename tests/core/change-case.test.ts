import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, changeCase, routeCase, submitCase } from '@hotline/core';
import { findStoredProjection, loadCaseHistory, tables } from '@hotline/db';
import { projectCase, type Principal } from '@hotline/domain';
import {
  createTestDatabase,
  seedSmallProvince,
  type SmallProvince,
  type TestDatabase,
} from '@hotline/testing';
import { eq } from 'drizzle-orm';

describe('changeCase: load → decide → append, the row always equal to the fold of the events', () => {
  let t: TestDatabase;
  let province: SmallProvince;
  let handler: Principal;
  let leader: Principal;
  beforeAll(async () => {
    t = await createTestDatabase('change');
    province = await seedSmallProvince(t.db);
    const [h] = await t.db
      .insert(tables.officials)
      .values({
        unitId: province.triageUnitId,
        fullName: 'Phạm Văn Xử Lý',
        email: 'handler@test.gov.vn',
        roles: ['handler'],
      })
      .returning();
    handler = {
      kind: 'official',
      officialId: h!.id,
      roles: ['handler'],
      scopeUnitIds: new Set([province.triageUnitId]),
    };
    const [l] = await t.db
      .insert(tables.officials)
      .values({
        unitId: province.triageUnitId,
        fullName: 'Lê Lãnh Đạo',
        email: 'lead@test.gov.vn',
        roles: ['unit_leader'],
      })
      .returning();
    leader = {
      kind: 'official',
      officialId: l!.id,
      roles: ['unit_leader'],
      scopeUnitIds: new Set([province.triageUnitId]),
    };
  });
  afterAll(async () => {
    await t.drop();
  });

  const expectRowIsFold = async (caseId: string) => {
    const history = await loadCaseHistory(t.db, caseId);
    expect(await findStoredProjection(t.db, caseId)).toEqual(
      projectCase(history.map((h) => h.event)),
    );
  };

  it('walks a case through its life; every step leaves the row equal to the fold', async () => {
    const at = (s: string) => new Date(`${s}+07:00`);
    const { caseId } = await submitCase(
      { sql: t.raw, randomBytes },
      {
        body: { categoryCode: 'xay-dung', text: 'Lấn chiếm hành lang giao thông.' },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      at('2026-11-23T09:00:00'),
    );
    await expectRowIsFold(caseId);
    await routeCase({ db: t.db }, caseId, at('2026-11-23T09:00:01'));
    await expectRowIsFold(caseId);

    const [row] = await t.db.select().from(tables.cases).where(eq(tables.cases.id, caseId));
    // Deadlines stored beside the projection, from the default feedback policy and calendar.
    expect(row?.acceptanceDueAt?.toISOString()).toBe('2026-11-24T02:30:00.000Z');
    expect(row?.resolutionDueAt?.toISOString()).toBe('2026-12-07T10:00:00.000Z');
    expect(row?.slaState).toBe('on_track');

    const steps: [Parameters<typeof changeCase>[2], Principal, string][] = [
      [
        { type: 'assigned', assigneeId: (handler as { officialId: string }).officialId },
        leader,
        '2026-11-23T10:00:00',
      ],
      [{ type: 'accepted' }, handler, '2026-11-23T10:30:00'],
      [{ type: 'info_requested', question: 'Vị trí chính xác?' }, handler, '2026-11-24T10:00:00'],
      [
        { type: 'info_provided', text: 'Km 3 quốc lộ 1' },
        { kind: 'citizen' },
        '2026-11-26T10:00:00',
      ],
      [
        { type: 'extension_requested', duration: 'P5D', reason: 'cần phối hợp' },
        handler,
        '2026-11-27T09:00:00',
      ],
      [
        { type: 'extension_granted', duration: 'P5D', reason: 'đồng ý' },
        leader,
        '2026-11-27T10:00:00',
      ],
      [
        { type: 'resolved', resolutionText: 'Đã cưỡng chế tháo dỡ.' },
        handler,
        '2026-12-10T10:00:00',
      ],
      [{ type: 'rated', rating: 4 }, { kind: 'citizen' }, '2026-12-11T10:00:00'],
    ];
    for (const [change, who, when] of steps) {
      await changeCase({ db: t.db }, caseId, change, who, at(when));
      await expectRowIsFold(caseId);
    }
    const [done] = await t.db.select().from(tables.cases).where(eq(tables.cases.id, caseId));
    expect(done).toMatchObject({
      status: 'resolved',
      satisfaction: 4,
      extensionsGranted: 1,
      version: 10,
    });
    // 15 working hours paused and a 5-working-day extension: Mon 7 Dec → Wed 9 Dec → Wed 16 Dec.
    expect(done?.resolutionDueAt?.toISOString()).toBe('2026-12-16T10:00:00.000Z');
    expect(done?.slaState).toBe('on_track');
  });

  it('refuses an illegal change with a typed error and writes nothing', async () => {
    const { caseId } = await submitCase(
      { sql: t.raw, randomBytes },
      {
        body: { categoryCode: 'xay-dung', text: 'Xả rác ra đường.' },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      new Date('2026-11-23T02:00:00Z'),
    );
    const attempt = changeCase(
      { db: t.db },
      caseId,
      { type: 'resolved', resolutionText: 'x' },
      handler,
      new Date(),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    expect((await loadCaseHistory(t.db, caseId)).length).toBe(1);
    const second = changeCase(
      { db: t.db },
      caseId,
      { type: 'rated', rating: 5 },
      handler,
      new Date(),
    );
    // Only citizens rate: the role is refused before the status is looked at.
    await expect(second).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses an extension beyond the policy', async () => {
    const { caseId } = await submitCase(
      { sql: t.raw, randomBytes },
      {
        body: { categoryCode: 'xay-dung', text: 'Công trình che khuất biển báo.' },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      new Date('2026-11-23T02:00:00Z'),
    );
    await routeCase({ db: t.db }, caseId, new Date('2026-11-23T02:00:01Z'));
    const hid = (handler as { officialId: string }).officialId;
    await changeCase(
      { db: t.db },
      caseId,
      { type: 'assigned', assigneeId: hid },
      leader,
      new Date('2026-11-23T03:00:00Z'),
    );
    // The default feedback policy allows one extension of at most 5 working days.
    await expect(
      changeCase(
        { db: t.db },
        caseId,
        { type: 'extension_granted', duration: 'P6D', reason: 'quá dài' },
        leader,
        new Date('2026-11-24T03:00:00Z'),
      ),
    ).rejects.toMatchObject({ code: 'EXTENSION_LIMIT' });
    const grant = { type: 'extension_granted', duration: 'P2D', reason: 'ok' } as const;
    await changeCase({ db: t.db }, caseId, grant, leader, new Date('2026-11-24T03:00:00Z'));
    await expect(
      changeCase({ db: t.db }, caseId, grant, leader, new Date('2026-11-25T03:00:00Z')),
    ).rejects.toMatchObject({ code: 'EXTENSION_LIMIT' });
  });
});

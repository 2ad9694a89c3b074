import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCase, submitCase, transferCase } from '@hotline/core';
import { tables } from '@hotline/db';
import type { Principal } from '@hotline/domain';
import {
  createTestDatabase,
  seedSmallProvince,
  type SmallProvince,
  type TestDatabase,
} from '@hotline/testing';

describe('a case passed around too often ("đùn đẩy") escalates to the common parent', () => {
  let t: TestDatabase;
  let p: SmallProvince;
  let chairmanId: string;
  beforeAll(async () => {
    t = await createTestDatabase('transfers');
    p = await seedSmallProvince(t.db);
    const [province] = await t.db
      .select()
      .from(tables.adminUnits)
      .where(eq(tables.adminUnits.code, 'province'));
    const [chairman] = await t.db
      .insert(tables.officials)
      .values({
        unitId: province!.id,
        fullName: 'Chủ tịch',
        email: 'ct@test.gov.vn',
        roles: ['unit_leader'],
      })
      .returning();
    chairmanId = chairman!.id;
  });
  afterAll(async () => {
    await t.drop();
  });

  it('escalates on the fourth transfer, to the province leader, without moving the deadline ladder', async () => {
    const { caseId } = await submitCase(
      { sql: t.raw, randomBytes },
      {
        body: { categoryCode: 'xay-dung', text: 'Không rõ đơn vị nào xử lý.' },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      new Date(),
    );
    await routeCase({ db: t.db }, caseId, new Date());
    const operator: Principal = { kind: 'official', officialId: chairmanId, roles: ['operator'] };
    const [district] = await t.db
      .select()
      .from(tables.adminUnits)
      .where(eq(tables.adminUnits.code, 'huyen-a'));
    const hops = [p.departmentUnitId, district!.id, p.triageUnitId, p.departmentUnitId];
    for (const to of hops)
      await transferCase({ db: t.db }, caseId, to, 'Không thuộc thẩm quyền', operator, new Date());

    const escalations = await t.db.execute<{ version: number; payload: Record<string, unknown> }>(
      sql`select version, payload from case_events where case_id = ${caseId} and type = 'escalated'`,
    );
    expect(escalations).toHaveLength(1);
    const [province] = await t.db
      .select()
      .from(tables.adminUnits)
      .where(eq(tables.adminUnits.code, 'province'));
    expect(escalations[0]?.payload).toMatchObject({
      reason: 'too_many_transfers',
      toOfficialId: chairmanId,
      toUnitId: province!.id,
      level: 0,
    });
    const [row] = await t.db.select().from(tables.cases).where(eq(tables.cases.id, caseId));
    expect(row).toMatchObject({ transferCount: 4, escalationLevel: 0, unitId: p.departmentUnitId });
  });
});

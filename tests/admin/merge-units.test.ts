import { randomBytes } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCase, createRoutingRule, routeCases, submitCase } from '@hotline/core';
import { tables } from '@hotline/db';
import type { Principal } from '@hotline/domain';
import { adminRequest, startSystem, type TestSystem } from '../support/system.js';
import { addOfficial } from '../support/officials.js';
import { auditOf, unitByCode } from './admin-helpers.js';

const SYSTEM: Principal = { kind: 'system', process: 'test' };

describe('merging commune A into commune B (2025 reform)', () => {
  let s: TestSystem;
  beforeAll(async () => {
    s = await startSystem({ withWorker: false, label: 'admin_merge' });
  });
  afterAll(() => s.close());

  it('moves officials, hotline, rule, child units and open cases with deadlines intact', async () => {
    const db = s.database.db;
    const req = (method: string, path: string, body?: unknown) =>
      adminRequest(s.baseUrl, method, path, body);
    for (const code of ['xa-m1', 'xa-m2']) {
      const res = await req('POST', '/v1/admin/units', {
        code,
        name: `Xã ${code}`,
        kind: 'commune',
        parentCode: 'huyen-a',
      });
      expect(res.status).toBe(201);
    }
    await req('POST', '/v1/admin/units', {
      code: 'thon-m1',
      name: 'Thôn 1',
      kind: 'agency',
      parentCode: 'xa-m1',
    });
    const a = await unitByCode(db, 'xa-m1');
    const b = await unitByCode(db, 'xa-m2');
    const handler = await addOfficial(db, a.id, ['handler']);
    const leader = await addOfficial(db, a.id, ['unit_leader', 'hotline_owner']);
    const hotline = await req('POST', '/v1/admin/hotlines', {
      number: '0239 3000 555',
      name: 'Đường dây nóng xã M1',
      ownerOfficialId: leader,
      unitCode: 'xa-m1',
    });
    expect(hotline.status).toBe(201);
    const rule = await createRoutingRule(
      { db },
      {
        name: 'ổ gà M1',
        conditions: { words: ['ổ gà'] },
        targetUnitCode: 'xa-m1',
        strategy: 'unit_queue',
      },
      null,
    );
    const submit = async (text: string) =>
      (
        await submitCase(
          { sql: s.database.raw, randomBytes },
          { body: { categoryCode: 'xay-dung', text }, channel: 'web', actor: { kind: 'citizen' } },
          new Date(),
        )
      ).caseId;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await submit(`Đường có ổ gà số ${i}`));
    await routeCases({ db }, ids, new Date());
    const asHandler: Principal = { kind: 'official', officialId: handler, roles: ['handler'] };
    // Case 0 is assigned and accepted; cases 3 and 4 are resolved.
    for (const id of [ids[0]!, ids[3]!, ids[4]!]) {
      await changeCase({ db }, id, { type: 'assigned', assigneeId: handler }, SYSTEM, new Date());
      await changeCase({ db }, id, { type: 'accepted' }, asHandler, new Date());
    }
    for (const id of [ids[3]!, ids[4]!]) {
      await changeCase(
        { db },
        id,
        { type: 'resolved', resolutionText: 'Đã vá' },
        asHandler,
        new Date(),
      );
    }
    const { cases } = tables;
    const snapshot = async () =>
      db.select().from(cases).where(inArray(cases.id, ids)).orderBy(asc(cases.receivedAt));
    const before = await snapshot();
    expect(before.every((c) => c.unitId === a.id)).toBe(true);
    expect(before[0]!.resolutionDueAt).not.toBeNull();
    const versions = new Map(before.map((c) => [c.id, c.version]));

    // Refusals: into itself, into its own part, into an inactive unit.
    expect((await req('POST', '/v1/admin/units/xa-m1/merge', { into: 'xa-m1' })).status).toBe(400);
    const below = await req('POST', '/v1/admin/units/xa-m1/merge', { into: 'thon-m1' });
    expect(below.status).toBe(409);
    expect(below.body!.message).toContain('below');
    await req('POST', '/v1/admin/units', { code: 'xa-cu', name: 'Xã cũ', kind: 'commune' });
    await req('POST', '/v1/admin/units/xa-cu/deactivate');
    expect((await req('POST', '/v1/admin/units/xa-m1/merge', { into: 'xa-cu' })).status).toBe(409);
    expect((await req('POST', '/v1/admin/units/xa-m1/merge', { into: 'nowhere' })).status).toBe(
      404,
    );

    const merged = await req('POST', '/v1/admin/units/xa-m1/merge', { into: 'xa-m2' });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      movedOfficials: 2,
      movedHotlines: 1,
      retargetedRules: 1,
      reparentedUnits: 1,
      movedCases: 3,
      from: { code: 'xa-m1', isActive: false, mergedIntoCode: 'xa-m2' },
    });

    const after = await snapshot();
    for (const [i, c] of after.entries()) {
      const old = before[i]!;
      if (i < 3) {
        expect(c.unitId).toBe(b.id);
        expect(c.resolutionDueAt).toEqual(old.resolutionDueAt);
        expect(c.firstResponseDueAt).toEqual(old.firstResponseDueAt);
        expect(c.assigneeId).toBe(old.assigneeId);
        expect(c.status).toBe(old.status);
        expect(c.version).toBe(versions.get(c.id)! + 1);
      } else {
        expect(c.unitId).toBe(a.id);
        expect(c.status).toBe('resolved');
      }
      expect(c.transferCount).toBe(0);
    }
    expect(after[0]!.assigneeId).toBe(handler);

    const events = await db.execute<{ case_id: string; type: string; payload: unknown }>(sql`
      select case_id, type, payload from case_events
      where case_id in ${ids} order by case_id, version`);
    const ofCase = (id: string) => events.filter((e) => e.case_id === id);
    for (const id of ids.slice(0, 3)) {
      const merges = ofCase(id).filter((e) => e.type === 'unit_merged');
      expect(merges).toHaveLength(1);
      expect(merges[0]!.payload).toEqual({ fromUnitId: a.id, toUnitId: b.id });
      expect(ofCase(id)[0]!.type).toBe('received');
      expect(ofCase(id).at(-1)!.type).toBe('unit_merged');
    }
    for (const id of ids.slice(3)) {
      expect(ofCase(id).some((e) => e.type === 'unit_merged')).toBe(false);
    }
    expect(events.some((e) => e.type === 'escalated' || e.type === 'transferred')).toBe(false);

    const unitA = await unitByCode(db, 'xa-m1');
    expect(unitA).toMatchObject({ isActive: false, mergedIntoId: b.id });
    expect((await unitByCode(db, 'thon-m1')).parentId).toBe(b.id);
    const officials = await db
      .select({ unitId: tables.officials.unitId })
      .from(tables.officials)
      .where(inArray(tables.officials.id, [handler, leader]));
    expect(officials.every((o) => o.unitId === b.id)).toBe(true);
    const [line] = await db
      .select()
      .from(tables.hotlines)
      .where(eq(tables.hotlines.number, '+842393000555'));
    expect(line!.unitId).toBe(b.id);
    const [stored] = await db
      .select()
      .from(tables.routingRules)
      .where(eq(tables.routingRules.id, rule.id));
    expect(stored!.targetUnitId).toBe(b.id);

    // The audit keeps the merge, by the administrator whose token made it.
    const audit = await auditOf(db, 'unit', a.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'unit.merge',
      officialId: s.province.adminOfficialId,
    });
    expect(audit.at(-1)!.before).toMatchObject({ from: { code: 'xa-m1', isActive: true } });

    // A new case matching the old rule goes to B.
    const fresh = await submit('Lại có ổ gà ở đầu thôn');
    const [outcome] = await routeCases({ db }, [fresh], new Date());
    expect(outcome).toMatchObject({ outcome: 'routed', unitId: b.id });

    // Merging again is refused: A is no longer active.
    expect((await req('POST', '/v1/admin/units/xa-m1/merge', { into: 'xa-m2' })).status).toBe(409);
  });
});

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCase, createRoutingRule, routeCase } from '@hotline/core';
import { createDatabase, tables, type DatabaseHandle } from '@hotline/db';
import { createTestDatabase, seedSmallProvince, type TestDatabase } from '@hotline/testing';
import {
  addOfficials,
  addUnit,
  assignedCounts,
  routingEvents,
  submitCases,
} from './routing-fixtures.js';

/**
 * Assignment strategies on the real database, with two connection pools routing at once as
 * two worker processes would.
 */
describe('assignment: round robin and least open are fair under concurrency; absent officials are skipped', () => {
  let t: TestDatabase;
  let second: DatabaseHandle;
  const text = 'Phản ánh về thủ tục';

  beforeAll(async () => {
    t = await createTestDatabase('assign');
    await seedSmallProvince(t.db);
    second = createDatabase(t.url, { max: 5, applicationName: 'hotline-test-2' });
  });
  afterAll(async () => {
    await second.close();
    await t.drop();
  });

  /** A unit with a rule catching the word `word` and assigning by `strategy`. */
  async function unitWithRule(
    code: string,
    word: string,
    strategy: 'round_robin' | 'least_open' | 'named',
    namedOfficialEmail?: string,
  ) {
    const unitId = await addUnit(t.db, { code, name: `Đơn vị ${code}` });
    return {
      unitId,
      addRule: () =>
        createRoutingRule(
          { db: t.db },
          {
            name: `${word} → ${code}`,
            conditions: { words: [word] },
            targetUnitCode: code,
            strategy,
            ...(namedOfficialEmail ? { namedOfficialEmail } : {}),
          },
          null,
        ),
    };
  }

  /** Routes every case at once, alternating between the two pools. */
  const routeAll = (ids: readonly string[]) =>
    Promise.all(
      ids.map((id, i) => routeCase({ db: i % 2 === 0 ? t.db : second.db }, id, new Date())),
    );

  it('round robin: 100 cases routed concurrently by two pools give each of 4 handlers exactly 25', async () => {
    const { unitId, addRule } = await unitWithRule('so-rr', 'rr', 'round_robin');
    await addRule();
    const handlers = await addOfficials(t.db, unitId, 4, 'rr');
    // Not handlers, or not available: never picked.
    await addOfficials(t.db, unitId, 1, 'rr-leader', { roles: ['unit_leader'] });
    await addOfficials(t.db, unitId, 1, 'rr-absent', { isAbsent: true });
    await addOfficials(t.db, unitId, 1, 'rr-gone', { isActive: false });

    const ids = await submitCases(t.raw, 100, { categoryCode: 'xay-dung', text: `RR: ${text}` });
    const outcomes = await routeAll(ids);
    expect(outcomes.every((o) => o.outcome === 'routed' && o.unitId === unitId)).toBe(true);

    const counts = await assignedCounts(t.db, ids);
    expect(handlers.map((h) => counts.get(h))).toEqual([25, 25, 25, 25]);
    const [cursor] = await t.db
      .select()
      .from(tables.assignmentCursors)
      .where(eq(tables.assignmentCursors.unitId, unitId));
    expect(cursor?.counter).toBe(100);

    // Every case: routed by the rule, then assigned, in one change.
    const events = await routingEvents(t.db, ids[0]!);
    expect(events).toMatchObject([
      { type: 'routed', unitId, reason: 'rule' },
      { type: 'assigned', assigneeId: expect.any(String) as string },
    ]);
    expect(typeof events[0]?.ruleId).toBe('string');

    // Redelivered jobs change nothing and take no turn.
    const again = await routeAll(ids);
    expect(again.every((o) => o.outcome === 'already_routed')).toBe(true);
    const [after] = await t.db
      .select()
      .from(tables.assignmentCursors)
      .where(eq(tables.assignmentCursors.unitId, unitId));
    expect(after?.counter).toBe(100);
    expect((await routingEvents(t.db, ids[0]!)).length).toBe(2);
  });

  it('round robin skips a handler marked absent', async () => {
    const { unitId, addRule } = await unitWithRule('so-rr2', 'rrtwo', 'round_robin');
    await addRule();
    const handlers = await addOfficials(t.db, unitId, 4, 'rrtwo');
    await t.db
      .update(tables.officials)
      .set({ isAbsent: true })
      .where(eq(tables.officials.id, handlers[1]!));
    const ids = await submitCases(t.raw, 9, { categoryCode: 'xay-dung', text: `rrtwo ${text}` });
    await routeAll(ids);
    const counts = await assignedCounts(t.db, ids);
    expect(handlers.map((h) => counts.get(h) ?? 0)).toEqual([3, 0, 3, 3]);
  });

  it('least open picks the least loaded handler, ties by id; closed cases do not count', async () => {
    const { unitId, addRule } = await unitWithRule('so-lo', 'leastopen', 'least_open');
    const [a, b, c] = await addOfficials(t.db, unitId, 3, 'lo');
    const [admin] = await addOfficials(t.db, unitId, 1, 'lo-admin', { roles: ['admin'] });
    const system = { kind: 'system', process: 'test' } as const;
    // Load before the rule exists: a holds 3 cases, b 1, c none; then one of a's is rejected.
    const preload = await submitCases(t.raw, 4, { categoryCode: 'xay-dung', text: 'Tải trước' });
    await routeAll(preload);
    for (const [i, id] of preload.entries()) {
      await changeCase(
        { db: t.db },
        id,
        { type: 'assigned', assigneeId: i < 3 ? a! : b! },
        system,
        new Date(),
      );
    }
    await changeCase(
      { db: t.db },
      preload[0]!,
      { type: 'rejected', reason: 'spam', note: 'Tin rác' },
      { kind: 'official', officialId: admin!, roles: ['admin'] },
      new Date(),
    );
    await addRule();

    // Open cases now: a 2, b 1, c 0. One at a time, each goes to the least loaded.
    const picks: string[] = [];
    for (const id of await submitCases(t.raw, 3, {
      categoryCode: 'xay-dung',
      text: `leastopen ${text}`,
    })) {
      const outcome = await routeCase({ db: t.db }, id, new Date());
      picks.push(outcome.outcome === 'routed' ? (outcome.assigneeId ?? 'none') : 'none');
    }
    // c (0 open); then b and c tie at 1: the lower id; then the other. All hold 2 open cases.
    const [lower, higher] = [b!, c!].sort();
    expect(picks).toEqual([c, lower, higher]);
    const open = await t.db.execute<{ assignee_id: string; n: number }>(
      sql`select assignee_id, count(*)::int as n from cases
       where status not in ('resolved', 'closed', 'rejected', 'merged') and assignee_id is not null
       group by assignee_id`,
    );
    expect(Object.fromEntries(open.map((r) => [r.assignee_id, r.n]))).toMatchObject({
      [a!]: 2,
      [b!]: 2,
      [c!]: 2,
    });
  });

  it('least open stays balanced when two pools assign 60 cases at once; absent handlers get none', async () => {
    const { unitId, addRule } = await unitWithRule('so-lo2', 'lotwo', 'least_open');
    await addRule();
    const handlers = await addOfficials(t.db, unitId, 3, 'lotwo');
    const [absent] = await addOfficials(t.db, unitId, 1, 'lotwo-absent', { isAbsent: true });
    const ids = await submitCases(t.raw, 60, { categoryCode: 'xay-dung', text: `lotwo ${text}` });
    await routeAll(ids);
    const counts = await assignedCounts(t.db, ids);
    expect(handlers.map((h) => counts.get(h))).toEqual([20, 20, 20]);
    expect(counts.get(absent!)).toBeUndefined();
  });

  it('named: the named official, or the unit queue while they are absent', async () => {
    const unitId = await addUnit(t.db, { code: 'so-named', name: 'Sở Có Tên' });
    const [named] = await addOfficials(t.db, unitId, 1, 'named');
    await createRoutingRule(
      { db: t.db },
      {
        name: 'named',
        conditions: { words: ['gọi tên'] },
        targetUnitCode: 'so-named',
        strategy: 'named',
        namedOfficialEmail: 'named1@test.gov.vn',
      },
      null,
    );
    const [present] = await submitCases(t.raw, 1, {
      categoryCode: 'xay-dung',
      text: 'Goi ten cán bộ',
    });
    expect(await routeCase({ db: t.db }, present!, new Date())).toEqual({
      outcome: 'routed',
      unitId,
      assigneeId: named,
    });
    await t.db
      .update(tables.officials)
      .set({ isAbsent: true })
      .where(eq(tables.officials.id, named!));
    const [away] = await submitCases(t.raw, 1, {
      categoryCode: 'xay-dung',
      text: 'Gọi tên cán bộ',
    });
    expect(await routeCase({ db: t.db }, away!, new Date())).toEqual({
      outcome: 'routed',
      unitId,
      assigneeId: null,
    });
    const [row] = await t.db.select().from(tables.cases).where(eq(tables.cases.id, away!));
    expect(row?.status).toBe('received');
  });

  it('a unit without an available handler keeps the case in its queue', async () => {
    const { unitId, addRule } = await unitWithRule('so-empty', 'trongrong', 'round_robin');
    await addRule();
    await addOfficials(t.db, unitId, 2, 'empty', { isAbsent: true });
    const [id] = await submitCases(t.raw, 1, { categoryCode: 'xay-dung', text: 'Trongrong quá' });
    expect(await routeCase({ db: t.db }, id!, new Date())).toEqual({
      outcome: 'routed',
      unitId,
      assigneeId: null,
    });
  });
});

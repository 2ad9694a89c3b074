import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AppError,
  createRoutingRule,
  routeCases,
  submitCase,
  TIMER_HORIZON_MS,
} from '@hotline/core';
import { createTestDatabase, seedSmallProvince, type TestDatabase } from '@hotline/testing';
import { addOfficials, addUnit, assignedCounts } from './routing-fixtures.js';

/**
 * The worker routes the cases of jobs that arrive together in one transaction: the batch must
 * give each case exactly what routing it alone would.
 */
describe('routing a batch of cases in one transaction', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('route_batch');
    await seedSmallProvince(t.db);
  });
  afterAll(() => t.drop());

  const submit = async (text: string, phone?: string) =>
    (
      await submitCase(
        { sql: t.raw, randomBytes },
        {
          body: { categoryCode: 'xay-dung', text, ...(phone ? { citizen: { phone } } : {}) },
          channel: 'web',
          actor: { kind: 'citizen' },
        },
        new Date(),
      )
    ).caseId;

  it('routes each case once, assigns fairly, schedules its timers and tells its citizen; a missing case fails alone', async () => {
    const unitId = await addUnit(t.db, { code: 'ban-lo', name: 'Ban quản lý lò gạch' });
    const handlers = await addOfficials(t.db, unitId, 4, 'lo');
    await createRoutingRule(
      { db: t.db },
      {
        name: 'lò gạch',
        conditions: { words: ['lò gạch'] },
        targetUnitCode: 'ban-lo',
        strategy: 'round_robin',
      },
      null,
    );
    const matching: string[] = [];
    for (let i = 0; i < 20; i++) matching.push(await submit(`Khói lò gạch số ${i}`, '0912345678'));
    const other: string[] = [];
    for (let i = 0; i < 5; i++) other.push(await submit(`Đường hỏng đoạn ${i}`));
    const missing = randomUUID();

    const routedAt = new Date();
    const outcomes = await routeCases({ db: t.db }, [...matching, missing, ...other], routedAt);

    for (const o of outcomes.slice(0, 20)) {
      expect(o).toEqual(expect.objectContaining({ outcome: 'routed', unitId }));
    }
    expect(outcomes[20]).toBeInstanceOf(AppError);
    expect((outcomes[20] as AppError).code).toBe('CASE_NOT_FOUND');
    for (const o of outcomes.slice(21)) {
      expect(o).toEqual(expect.objectContaining({ outcome: 'routed', assigneeId: null }));
    }
    const counts = await assignedCounts(t.db, matching);
    expect(handlers.map((h) => counts.get(h))).toEqual([5, 5, 5, 5]);

    const all = [...matching, ...other];
    const perCase = await t.db.execute<{
      id: string;
      routed: number;
      timers: number;
      soon: number;
      queued: number;
      receipts: number;
    }>(sql`
      select c.id,
        (select count(*)::int from case_events e where e.case_id = c.id and e.type = 'routed') as routed,
        jsonb_array_length(c.sla_timers) as timers,
        (select count(*)::int from jsonb_array_elements(c.sla_timers) x
          where (x->>'at')::timestamptz <= ${new Date(routedAt.getTime() + TIMER_HORIZON_MS).toISOString()}::timestamptz) as soon,
        (select count(*)::int from outbox o where o.queue = 'sla' and o.payload->>'caseId' = c.id::text) as queued,
        (select count(*)::int from notifications n where n.case_id = c.id and n.template = 'citizen_receipt') as receipts
      from cases c where c.id = any(${`{${all.join(',')}}`}::uuid[])`);
    expect(perCase).toHaveLength(25);
    for (const row of perCase) {
      expect(row.routed).toBe(1);
      expect(row.timers).toBeGreaterThan(0);
      // Those due within the hour go to the queue with the change; a pass adds the others later.
      expect(row.queued).toBe(row.soon);
      expect(row.receipts).toBe(matching.includes(row.id) ? 1 : 0);
    }

    // Delivered again (a retried job): nothing changes and no handler takes another turn.
    const again = await routeCases({ db: t.db }, all, new Date());
    expect(again.every((o) => !(o instanceof AppError) && o.outcome === 'already_routed')).toBe(
      true,
    );
    const [events] = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from case_events where type in ('routed', 'assigned')`,
    );
    expect(events!.n).toBe(25 + 20);
    const countsAfter = await assignedCounts(t.db, matching);
    expect(handlers.map((h) => countsAfter.get(h))).toEqual([5, 5, 5, 5]);
  });

  it('least open: the cases of one batch count the ones before them, as one at a time would', async () => {
    const unitId = await addUnit(t.db, { code: 'ban-it', name: 'Ban ít việc' });
    const handlers = await addOfficials(t.db, unitId, 3, 'it');
    await createRoutingRule(
      { db: t.db },
      {
        name: 'ít việc',
        conditions: { words: ['ít việc'] },
        targetUnitCode: 'ban-it',
        strategy: 'least_open',
      },
      null,
    );
    // One open case already held (by the handler with the smallest id): the batch starts from
    // loads 1, 0, 0 and must end at 3, 3, 3.
    const held = await submit('Ít việc số 0');
    await routeCases({ db: t.db }, [held], new Date());
    const batch: string[] = [];
    for (let i = 1; i <= 8; i++) batch.push(await submit(`Ít việc số ${i}`));
    const outcomes = await routeCases({ db: t.db }, batch, new Date());
    expect(outcomes.every((o) => !(o instanceof AppError) && o.outcome === 'routed')).toBe(true);
    const counts = await assignedCounts(t.db, [held, ...batch]);
    expect(handlers.map((h) => counts.get(h))).toEqual([3, 3, 3]);
  });
});

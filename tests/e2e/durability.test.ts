import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPendingOutbox } from '@hotline/db';
import { routedEventsPerCase } from '../support/routed.js';
import { postJson, startSystem, type TestSystem } from '../support/system.js';

describe('durability: cases submitted while no worker runs', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({ withWorker: false, label: 'durable' });
  });
  afterAll(async () => {
    await sys.close();
  });

  it('routes all 50 exactly once when the worker starts', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await postJson(sys.baseUrl, '/v1/cases', {
        categoryCode: i % 2 ? 'xay-dung' : 'moi-truong',
        text: `Phản ánh số ${i}: đèn đường hỏng nhiều ngày chưa sửa.`,
        ...(i % 3 === 0 ? { hotline: sys.province.hotlineNumber } : {}),
      });
      expect(res.status).toBe(201);
      codes.push(res.body!.trackingCode as string);
    }
    const { db } = sys.database;
    expect(await countPendingOutbox(db)).toBe(50);

    sys.startWorker();
    const perCase = await routedEventsPerCase(db, 50);
    expect(perCase).toHaveLength(50);
    expect(perCase.every((n) => n === 1)).toBe(true);
    const unrouted = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from cases where unit_id is null or version <> 2`,
    );
    expect(unrouted[0]?.n).toBe(0);
    expect(await countPendingOutbox(db)).toBe(0);
  });
});

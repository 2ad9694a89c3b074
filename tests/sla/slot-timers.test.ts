import { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireSlaSlot, routeCases } from '@hotline/core';
import { createRedis } from '@hotline/queue';
import { waitFor } from '@hotline/testing';
import { addLeaders, slaEvents, submitCases, useFastClocks } from '../support/fast-clocks.js';
import { postJson, startSystem, type TestSystem } from '../support/system.js';

const BATCH = { size: 7, concurrency: 3 };

/** Breaches recorded before their deadline, and deadline events recorded twice. */
async function earlyOrTwice(sys: TestSystem) {
  const [row] = await sys.database.db.execute<{ early: number; twice: number }>(sql`
    select
      (select count(*)::int from case_events
        where type = 'sla_breached' and occurred_at < (payload->>'dueAt')::timestamptz) as early,
      (select count(*)::int from (
        select 1 from case_events where type in ('sla_warning', 'sla_breached', 'escalated')
        group by case_id, type, payload->>'target', payload->>'dueAt', payload->>'level'
        having count(*) > 1) d) as twice`);
  return row!;
}

describe('timers sharing a slot', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({ withWorker: false, label: 'slots' });
    // Half a minute to the deadline: every timer is further ahead than the slots' lead.
    await useFastClocks(sys, 'PT30S', { rung2After: 'PT1S', rung3After: 'PT1S' });
    await addLeaders(sys);
  });
  afterAll(async () => {
    await sys.close();
  });

  it('are one job, firing each case once, never before the slot is over', async () => {
    const at = new Date();
    const ids = await submitCases(sys, 30, at);
    await routeCases({ db: sys.database.db }, ids, at);
    const { db } = sys.database;
    const rows = await db.execute<{ job_name: string; payload: { from: string; until: string } }>(
      sql`select job_name, payload from outbox where queue = 'sla'`,
    );
    // Thirty cases' warnings, deadlines and rungs: a job per slot, one for all thirty.
    expect(new Set(rows.map((r) => r.job_name))).toEqual(new Set(['fire-slot']));
    expect(rows.length).toBeLessThanOrEqual(8);
    const deadline = at.getTime() + 30_000;
    const slots = rows.map((r) => ({
      from: new Date(r.payload.from),
      until: new Date(r.payload.until),
    }));
    const slot = slots.find((s) => s.from.getTime() <= deadline && deadline < s.until.getTime())!;
    expect(slot).toBeDefined();

    const early = new Date(slot.until.getTime() - 1);
    await expect(fireSlaSlot({ db }, slot, early, BATCH)).rejects.toThrow(/never before/);
    expect(await slaEvents(sys, ids[0]!)).toEqual([]);

    // The warning's slot is earlier, so the deadline's firing records the missed warning too.
    expect(await fireSlaSlot({ db }, slot, slot.until, BATCH)).toEqual({ timers: 30, acted: 30 });
    for (const id of ids) {
      expect(await slaEvents(sys, id)).toEqual([
        'sla_warning:resolution',
        'sla_breached:resolution',
        'escalated:1',
      ]);
    }
    // Again (a retry): nothing more.
    expect(await fireSlaSlot({ db }, slot, slot.until, BATCH)).toEqual({ timers: 30, acted: 0 });
    expect(await earlyOrTwice(sys)).toEqual({ early: 0, twice: 0 });
  });
});

describe('the worker fires timers by slot', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({ label: 'slotsw' });
    await useFastClocks(sys, 'PT12S', { rung2After: 'PT1S', rung3After: 'PT1S' });
    await addLeaders(sys);
  });
  afterAll(async () => {
    await sys.close();
  });

  it('records every deadline of cases filed through the API, once and on time', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await postJson(sys.baseUrl, '/v1/cases', {
        categoryCode: 'moi-truong',
        text: `Khói từ lò đốt rác, lần ${i}.`,
      });
      expect(res.status).toBe(201);
      // Shown with a dash for reading; stored without.
      codes.push(String(res.body!.trackingCode).replace('-', ''));
    }
    const { db } = sys.database;
    const ids = (
      await db.execute<{ id: string }>(
        sql`select id from cases where tracking_code = any(${`{${codes.join(',')}}`}::text[])`,
      )
    ).map((r) => r.id);
    expect(ids).toHaveLength(codes.length);
    await waitFor(
      async () => {
        const [row] = await db.execute<{ n: number }>(sql`
          select count(distinct case_id)::int as n from case_events
          where type = 'escalated' and (payload->>'level')::int = 3
            and case_id = any(${`{${ids.join(',')}}`}::uuid[])`);
        return row!.n === ids.length ? true : undefined;
      },
      { timeoutMs: 40_000, intervalMs: 200, what: 'every case escalated to the third rung' },
    );
    expect(await earlyOrTwice(sys)).toEqual({ early: 0, twice: 0 });
    // They went through slot jobs, not a job per timer.
    const redis = createRedis(sys.config.redisUrl, 'producer');
    const queue = new Queue('sla', { connection: redis, prefix: sys.config.redisPrefix });
    const done = await queue.getJobs(['completed'], 0, -1);
    expect(done.some((j) => j.name === 'fire-slot')).toBe(true);
    await queue.close();
    redis.disconnect();
  });
});

import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitCase } from '@hotline/core';
import { deleteRedisPrefix, waitFor } from '@hotline/testing';
import { addLeaders, useFastClocks } from '../support/fast-clocks.js';
import { startSystem, type TestSystem } from '../support/system.js';

// FLUSHALL would wipe the Redis other test files share: deleting every key under this
// system's prefix is the same loss for this system.
describe('Redis forgets everything: reconcile rebuilds every timer from Postgres', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({ label: 'flush' });
    await useFastClocks(sys, 'PT8S', { rung2After: 'PT2S', rung3After: 'PT2S' });
    await addLeaders(sys);
  });
  afterAll(async () => {
    await sys.close();
  });

  it('200 open cases with pending timers each escalate at their time, none twice', async () => {
    const db = sys.database.db;
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      const { caseId } = await submitCase(
        { sql: sys.database.raw, randomBytes },
        {
          body: { categoryCode: 'moi-truong', text: `Phản ánh số ${i} về rác thải.` },
          channel: 'web',
          actor: { kind: 'citizen' },
        },
        new Date(),
      );
      ids.push(caseId);
    }
    // Every case routed and its timers handed to BullMQ.
    await waitFor(
      async () => {
        const [r] = await db.execute<{ routed: number; outbox: number }>(sql`
          select (select count(*)::int from cases where sla_timers is not null) as routed,
                 (select count(*)::int from outbox) as outbox`);
        return r?.routed === 200 && r.outbox === 0 ? true : undefined;
      },
      { timeoutMs: 20_000, what: '200 cases with timers relayed' },
    );
    await sys.stopWorker();
    await deleteRedisPrefix(sys.config.redisPrefix);
    sys.startWorker(); // its first canary check finds Redis empty and rebuilds the timers

    await waitFor(
      async () => {
        const [r] = await db.execute<{ n: number }>(
          sql`select count(*)::int as n from case_events where type = 'escalated' and (payload->>'level')::int = 3`,
        );
        return r?.n === 200 ? true : undefined;
      },
      { timeoutMs: 40_000, intervalMs: 200, what: '200 cases at rung 3' },
    );
    await new Promise((r) => setTimeout(r, 1000));
    const counts = await db.execute<{
      type: string;
      n: number;
      min_per_case: number;
      max_per_case: number;
    }>(sql`
      select type, count(*)::int as cases, min(c)::int as min_per_case, max(c)::int as max_per_case from (
        select case_id, type, count(*) as c from case_events
        where type in ('sla_warning', 'sla_breached', 'escalated') group by case_id, type) x
      group by type order by type`);
    expect(counts).toEqual([
      { type: 'escalated', cases: 200, min_per_case: 3, max_per_case: 3 },
      { type: 'sla_breached', cases: 200, min_per_case: 1, max_per_case: 1 },
      { type: 'sla_warning', cases: 200, min_per_case: 1, max_per_case: 1 },
    ]);
    // Never early: each rung at or after its due time (8 s, 10 s, 12 s after receipt).
    const early = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from case_events e join cases c on c.id = e.case_id
      where e.type = 'escalated'
        and e.occurred_at < c.received_at + make_interval(secs => 8 + 2 * ((e.payload->>'level')::int - 1))`);
    expect(early[0]?.n).toBe(0);
  }, 90_000);
});

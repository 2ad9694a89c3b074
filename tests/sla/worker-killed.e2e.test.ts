import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitCase } from '@hotline/core';
import { waitFor } from '@hotline/testing';
import { addLeaders, useFastClocks } from '../support/fast-clocks.js';
import { spawnService, type ServiceProcess } from '../support/processes.js';
import { startSystem, type TestSystem } from '../support/system.js';

describe('a worker killed with SIGKILL while it holds jobs', () => {
  let sys: TestSystem;
  const workers: ServiceProcess[] = [];
  beforeAll(async () => {
    sys = await startSystem({ withWorker: false, label: 'sigkill' });
    await useFastClocks(sys, 'PT5S', { rung2After: 'PT1S', rung3After: 'PT1S' });
    await addLeaders(sys);
  });
  afterAll(async () => {
    for (const w of workers) w.child.kill('SIGKILL');
    await sys.close();
  });

  const spawnWorker = () => {
    const w = spawnService('services/worker/src/main.ts', {
      DATABASE_URL: sys.database.url,
      REDIS_PREFIX: sys.config.redisPrefix,
      JOB_LOCK_MS: '1500',
      OUTBOX_POLL_MS: '50',
      LOG_LEVEL: 'warn',
    });
    workers.push(w);
    return w;
  };

  it('loses nothing: a new worker finishes every case and no event is appended twice', async () => {
    const db = sys.database.db;
    const first = spawnWorker();
    // Let it start taking jobs, then keep cases coming while it is killed.
    const submit = (i: number) =>
      submitCase(
        { sql: sys.database.raw, randomBytes },
        {
          body: { categoryCode: 'xay-dung', text: `Phản ánh ${i}: công trình lấn chiếm.` },
          channel: 'web',
          actor: { kind: 'citizen' },
        },
        new Date(),
      );
    for (let i = 0; i < 50; i++) await submit(i);
    await waitFor(
      async () => {
        const [r] = await db.execute<{ n: number }>(
          sql`select count(*)::int as n from cases where unit_id is not null`,
        );
        return (r?.n ?? 0) > 0 ? true : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 20, what: 'the first worker at work' },
    );
    const killed = first.stop('SIGKILL');
    for (let i = 50; i < 100; i++) await submit(i);
    expect(await killed).toBeNull(); // killed by a signal, no exit code

    spawnWorker();
    await waitFor(
      async () => {
        const [r] = await db.execute<{ n: number }>(sql`
          select count(distinct case_id)::int as n from case_events
          where type = 'escalated' and (payload->>'level')::int = 3`);
        return r?.n === 100 ? true : undefined;
      },
      { timeoutMs: 45_000, intervalMs: 250, what: 'all 100 cases at rung 3' },
    );
    await new Promise((r) => setTimeout(r, 1000));
    const duplicates = await db.execute<{ case_id: string; type: string; n: number }>(sql`
      select case_id, type || coalesce(':' || (payload->>'level'), '') as type, count(*)::int as n
      from case_events group by 1, 2 having count(*) > 1`);
    expect(duplicates).toEqual([]);
    const [routed] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from case_events where type = 'routed'`,
    );
    expect(routed?.n).toBe(100);
  });
});

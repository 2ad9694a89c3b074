import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayOutbox, submitCase } from '@hotline/core';
import { createPublisher, createRedis } from '@hotline/queue';
import { deleteRedisPrefix, waitFor } from '@hotline/testing';
import { canaryKeys } from '@hotline/worker';
import { addLeaders, useFastClocks } from '../support/fast-clocks.js';
import { startSystem, type TestSystem } from '../support/system.js';

type Line = { msg: string; [k: string]: unknown };

// The worker is not restarted: it must notice by itself, from its canary, that Redis lost its
// data. FLUSHALL would wipe the Redis other test files share: deleting every key under this
// system's prefix is the same loss for this system.
describe('Redis loses its data while the worker runs: the canary sees it and rebuilds', () => {
  let sys: TestSystem;
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l) lines.push(JSON.parse(l) as Line);
      done();
    },
  });
  const rebuilds = () => lines.filter((l) => l.msg === 'Redis rebuilt from Postgres');
  let probe: ReturnType<typeof createRedis>;
  let sla: Queue;

  beforeAll(async () => {
    sys = await startSystem({
      label: 'canary',
      logTo: sink,
      env: { LOG_LEVEL: 'warn', LOG_PRETTY: 'false', REDIS_CANARY_CHECK_MS: '200' },
    });
    probe = createRedis(sys.config.redisUrl, 'worker');
    sla = new Queue('sla', { connection: probe, prefix: sys.config.redisPrefix });
    await useFastClocks(sys, 'PT24S', { rung2After: 'PT2S', rung3After: 'PT2S' });
    await addLeaders(sys);
  });
  afterAll(async () => {
    await sla.close();
    probe.disconnect();
    await sys.close();
  });

  const submit = async (i: number) =>
    (
      await submitCase(
        { sql: sys.database.raw, randomBytes },
        {
          body: { categoryCode: 'moi-truong', text: `Phản ánh số ${i} về rác thải.` },
          channel: 'web',
          actor: { kind: 'citizen' },
        },
        new Date(),
      )
    ).caseId;

  it('timers of 50 open cases are back without a restart and each fires once', async () => {
    const db = sys.database.db;
    // A fresh prefix has no canary: the worker's first check wrote it (nothing to rebuild).
    await waitFor(async () => (rebuilds().length === 1 ? true : undefined), {
      timeoutMs: 10_000,
      what: 'the first canary written',
    });
    for (let i = 0; i < 50; i++) await submit(i);
    await waitFor(
      async () => {
        const [r] = await db.execute<{ routed: number; outbox: number }>(sql`
          select (select count(*)::int from cases where sla_timers is not null) as routed,
                 (select count(*)::int from outbox) as outbox`);
        return r?.routed === 50 && r.outbox === 0 ? true : undefined;
      },
      { timeoutMs: 20_000, what: '50 cases with timers relayed' },
    );
    // Four timers each, further ahead than the slots' lead: a job per slot, not per timer.
    const before = await sla.getJobCounts('delayed');
    expect(before.delayed).toBeGreaterThan(0);
    expect(before.delayed).toBeLessThanOrEqual(50 * 4);

    // Every key but the canary first, so that the jobs are seen gone before the worker can
    // notice; then the canary, as a flush would have taken it too.
    const { canary } = canaryKeys(sys.config.redisPrefix);
    const keys = await probe.keys(`${sys.config.redisPrefix}*`);
    await probe.del(...keys.filter((k) => k !== canary));
    expect((await sla.getJobCounts('delayed')).delayed).toBe(0);
    expect(await probe.del(canary)).toBe(1);

    await waitFor(async () => (rebuilds().length === 2 ? true : undefined), {
      timeoutMs: 10_000,
      intervalMs: 50,
      what: 'the loss noticed and Redis rebuilt',
    });
    const [lost] = lines.filter((l) => l.msg.startsWith('Redis lost its data; rebuilding'));
    expect(lost).toBeDefined();
    // Every open case's timers offered again, all of them due within the hour.
    expect(rebuilds()[1]).toMatchObject({ cases: 50 });
    expect(rebuilds()[1]!.timers).toBeGreaterThan(0);
    expect((await sla.getJobCounts('delayed')).delayed).toBeGreaterThan(0);

    await waitFor(
      async () => {
        const [r] = await db.execute<{ n: number }>(
          sql`select count(*)::int as n from case_events where type = 'escalated' and (payload->>'level')::int = 3`,
        );
        return r?.n === 50 ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: '50 cases at rung 3' },
    );
    const counts = await db.execute<{ type: string; cases: number; max_per_case: number }>(sql`
      select type, count(*)::int as cases, max(c)::int as max_per_case from (
        select case_id, type, count(*) as c from case_events
        where type in ('sla_warning', 'sla_breached') group by case_id, type) x
      group by type order by type`);
    expect(counts).toEqual([
      { type: 'sla_breached', cases: 50, max_per_case: 1 },
      { type: 'sla_warning', cases: 50, max_per_case: 1 },
    ]);
    // While Redis keeps its data, no further rebuild: the canary is there at every check.
    expect(rebuilds()).toHaveLength(2);
  }, 120_000);

  it('a case whose routing job was lost is routed after the rebuild', async () => {
    await sys.stopWorker();
    const caseId = await submit(99);
    // The outbox row relayed (so Postgres keeps no trace of the job), then Redis loses it.
    const producer = createRedis(sys.config.redisUrl, 'producer');
    if (producer.status !== 'ready') await new Promise((r) => producer.once('ready', r));
    const publisher = createPublisher(producer, sys.config.redisPrefix);
    expect(await relayOutbox({ db: sys.database.db, publisher })).toBe(1);
    await publisher.close();
    producer.disconnect();
    await deleteRedisPrefix(sys.config.redisPrefix);

    sys.startWorker();
    await waitFor(
      async () => {
        const [r] = await sys.database.db.execute<{ unit_id: string | null }>(
          sql`select unit_id from cases where id = ${caseId}`,
        );
        return r?.unit_id ? true : undefined;
      },
      { timeoutMs: 20_000, what: 'the case routed' },
    );
    // The rebuild is counted once it marked Redis whole, which may come after the routing job
    // it put back has already run.
    await waitFor(async () => (rebuilds().length === 3 ? true : undefined), {
      timeoutMs: 10_000,
      what: 'the rebuild counted',
    });
    expect(rebuilds()[2]).toMatchObject({ routing: 1 });
  });
});

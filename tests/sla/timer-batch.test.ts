import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlaTimerJob } from '@hotline/contracts';
import { changeCase, fireSlaTimer, fireSlaTimers, routeCases } from '@hotline/core';
import { createPublisher, createRedis } from '@hotline/queue';
import { waitFor } from '@hotline/testing';
import { addLeaders, slaEvents, submitCases, useFastClocks } from '../support/fast-clocks.js';
import { startSystem, type TestSystem } from '../support/system.js';

// With fast clocks (resolution 2 s, rungs 1 s apart) and the case fired a minute on, everything
// of its resolution deadline is due: the warning, the breach and the three rungs.
const ALL_DUE = [
  'sla_warning:resolution',
  'sla_breached:resolution',
  'escalated:1',
  'escalated:2',
  'escalated:3',
];
const KINDS = ['warn:resolution', 'due:resolution', 'rung:2', 'rung:3'];

/** Open cases, routed: their timers' generation is the one stored on each row. */
async function openCases(sys: TestSystem, n: number): Promise<Map<string, number>> {
  const ids = await submitCases(sys, n);
  await routeCases({ db: sys.database.db }, ids, new Date());
  const rows = await sys.database.db.execute<{ id: string; deadline_generation: number }>(
    sql`select id, deadline_generation from cases where id = any(${`{${ids.join(',')}}`}::uuid[])`,
  );
  return new Map(ids.map((id) => [id, rows.find((r) => r.id === id)!.deadline_generation]));
}

const job = (caseId: string, generation: number, kind: string): SlaTimerJob => ({
  caseId,
  generation,
  kind,
  dueAt: new Date().toISOString(),
});

/** SLA events recorded more than once: same case, type, target, deadline and rung. */
async function duplicateSlaEvents(sys: TestSystem) {
  return sys.database.db.execute(sql`
    select case_id, type, payload->>'target' as target, payload->>'dueAt' as due,
      payload->>'level' as level, count(*)::int as n
    from case_events where type in ('sla_warning', 'sla_breached', 'escalated')
    group by 1, 2, 3, 4, 5 having count(*) > 1`);
}

describe('SLA timers fired in batches', () => {
  let sys: TestSystem;
  let people: Awaited<ReturnType<typeof addLeaders>>;
  beforeAll(async () => {
    sys = await startSystem({ withWorker: false, label: 'slabatch' });
    await useFastClocks(sys, 'PT2S', { rung2After: 'PT1S', rung3After: 'PT1S' });
    people = await addLeaders(sys);
  });
  afterAll(async () => {
    await sys.close();
  });
  const deps = () => ({ db: sys.database.db });

  it('records each warning, breach and rung once, ignoring stale generations', async () => {
    const cases = await openCases(sys, 12);
    const [moved, ...live] = [...cases.keys()];
    // A change after the timers were set: they are of an older generation now.
    await changeCase(
      deps(),
      moved!,
      { type: 'assigned', assigneeId: people.handlerId },
      { kind: 'official', officialId: people.directorId, roles: ['unit_leader'] },
      new Date(),
    );
    const jobs = [...cases].flatMap(([caseId, generation]) => [
      ...KINDS.map((kind) => job(caseId, generation, kind)),
      job(caseId, generation, 'due:resolution'), // redelivered
      job(caseId, generation - 1, 'due:resolution'), // an older deadline's
    ]);
    // Interleaved: a case's jobs are spread over the batch.
    jobs.sort((a, b) => a.kind.localeCompare(b.kind) || a.caseId.localeCompare(b.caseId));
    const now = new Date(Date.now() + 60_000);

    const outcomes = await fireSlaTimers(deps(), jobs, now);
    outcomes.forEach((outcome, i) => {
      const { caseId, generation } = jobs[i]!;
      const isLive = caseId !== moved && generation === cases.get(caseId);
      expect(outcome).toBe(isLive ? 'acted' : 'stale');
    });
    for (const caseId of live) expect(await slaEvents(sys, caseId)).toEqual(ALL_DUE);
    expect(await slaEvents(sys, moved!)).toEqual([]);

    // Fired again (a retry, a reconcile): nothing more.
    const again = await fireSlaTimers(deps(), jobs, new Date(now.getTime() + 1000));
    expect(again).not.toContain('acted');
    for (const caseId of live) expect(await slaEvents(sys, caseId)).toEqual(ALL_DUE);
    expect(await duplicateSlaEvents(sys)).toEqual([]);
  });

  it('records each event once when batches race over the same cases', async () => {
    const cases = [...(await openCases(sys, 10))];
    const now = new Date(Date.now() + 60_000);
    const first = cases.slice(0, 8).map(([id, g]) => job(id, g, 'due:resolution'));
    const second = cases
      .slice(3)
      .reverse()
      .map(([id, g]) => job(id, g, 'warn:resolution'));
    const [a, b, c] = await Promise.all([
      fireSlaTimers(deps(), first, now),
      fireSlaTimers(deps(), second, now),
      fireSlaTimer(deps(), job(cases[5]![0], cases[5]![1], 'rung:3'), now),
    ]);
    // A case fired by several: exactly one of them recorded its events.
    for (const [caseId] of cases) {
      const acted = [
        ...first.map((j, i) => [j.caseId, a[i]] as const),
        ...second.map((j, i) => [j.caseId, b[i]] as const),
        [cases[5]![0], c] as const,
      ].filter(([id, o]) => id === caseId && o === 'acted');
      expect(acted).toHaveLength(1);
      expect(await slaEvents(sys, caseId)).toEqual(ALL_DUE);
    }
    expect(await duplicateSlaEvents(sys)).toEqual([]);
  });
});

describe('the worker fires SLA timers in batches', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({
      withWorker: false,
      label: 'slabatchw',
      env: { SLA_BATCH_SIZE: '8', SLA_BATCH_WAIT_MS: '50' },
    });
    await useFastClocks(sys, 'PT2S', { rung2After: 'PT1S', rung3After: 'PT1S' });
    await addLeaders(sys);
  });
  afterAll(async () => {
    await sys.close();
  });

  it('collects due timers into batches, and fires each alone when a batch fails', async () => {
    const { db } = sys.database;
    const cases = [...(await openCases(sys, 24))];
    // Only the jobs below fire them: nothing relayed, nothing for reconcile to rebuild.
    await db.execute(sql`delete from outbox`);
    await db.execute(sql`update cases set sla_timers = null`);
    // A case whose history is missing fails any batch it is in, as a whole.
    const [broken] = await db.execute<{ id: string }>(sql`
      insert into cases (tracking_code, type, channel, status, category_id, text, version,
        received_at, updated_at)
      select 'broken-1', 'feedback', 'web', 'received', id, 'Phản ánh hỏng', 1, now(), now()
      from categories limit 1
      returning id`);
    // Due 5 s on: every deadline of the cases (2 s, rungs 1 s apart) has passed by then.
    const dueAt = Date.now() + 5000;
    const timer = (caseId: string, generation: number, kind: string) => ({
      queue: 'sla',
      name: 'check-deadline',
      jobId: `t-test-${randomUUID()}`,
      data: { caseId, generation, kind, dueAt: new Date(dueAt).toISOString() },
      delay: dueAt - Date.now(),
      timestamp: Date.now(),
    });
    const producer = createRedis(sys.config.redisUrl, 'producer');
    await new Promise<void>((resolve) => producer.once('ready', () => resolve()));
    const publisher = createPublisher(producer, sys.config.redisPrefix);
    const good = cases.map(([id, g]) => timer(id, g, 'due:resolution'));
    await publisher.publish([timer(broken!.id, 0, 'due:resolution'), ...good]);
    sys.startWorker();

    const recorded = await waitFor(
      async () => {
        const [row] = await db.execute<{ n: number }>(sql`
          select count(distinct case_id)::int as n from case_events where type = 'escalated'
            and (payload->>'level')::int = 3`);
        return row!.n === cases.length ? row!.n : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 50, what: 'every case escalated' },
    );
    expect(recorded).toBe(cases.length);
    // The cases batched with the broken one were fired alone in the same attempt: no job of
    // theirs failed.
    const queue = new Queue('sla', { connection: producer, prefix: sys.config.redisPrefix });
    for (const { jobId } of good) {
      const done = await queue.getJob(jobId);
      expect(await done?.getState()).toBe('completed');
      expect(done?.stacktrace ?? []).toEqual([]);
    }
    await queue.close();
    await publisher.close();
    producer.disconnect();
    for (const [caseId] of cases) expect(await slaEvents(sys, caseId)).toEqual(ALL_DUE);
    expect(await duplicateSlaEvents(sys)).toEqual([]);

    const [span] = await db.execute<{ batches: number; earliest: Date }>(sql`
      select count(distinct occurred_at)::int as batches, min(occurred_at) as earliest
      from case_events where type = 'sla_breached'`);
    // Never early: nothing before the timers' due time.
    expect(new Date(span!.earliest).getTime()).toBeGreaterThanOrEqual(dueAt);
    // Cases of one batch share their moment: fewer moments than cases.
    expect(span!.batches).toBeLessThan(cases.length);
  });
});

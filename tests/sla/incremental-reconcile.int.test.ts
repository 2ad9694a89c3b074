import { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, loadConfig } from '@hotline/config';
import { createPublisher, createRedis } from '@hotline/queue';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  seedSmallProvince,
  type TestDatabase,
} from '@hotline/testing';
import { reconcileRecentSlaTimers, SLOT_MS, TIMER_HORIZON_MS } from '@hotline/core';
import { canaryKeys, reconcileProcessor } from '@hotline/worker';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('the periodic reconcile adds the timers of the coming hour and of changed cases', () => {
  let t: TestDatabase;
  const prefix = freshRedisPrefix();
  const config = loadConfig();
  const producer = createRedis(config.redisUrl, 'producer');
  const publisher = createPublisher(producer, prefix);
  const probe = createRedis(config.redisUrl, 'worker');
  const sla = new Queue('sla', { connection: probe, prefix });
  const keys = canaryKeys(prefix);
  let run: ReturnType<typeof reconcileProcessor>;

  beforeAll(async () => {
    t = await createTestDatabase('increconcile');
    await seedSmallProvince(t.db);
    run = reconcileProcessor({
      db: t.db,
      publisher,
      log: createLogger(config),
      redis: producer,
      prefix,
      everyMs: 2 * MINUTE,
    });
    if (producer.status !== 'ready') await new Promise((r) => producer.once('ready', r));
  });
  afterAll(async () => {
    await sla.close();
    await publisher.close();
    producer.disconnect();
    probe.disconnect();
    await t.drop();
    await deleteRedisPrefix(prefix);
  });

  const timersOf = new Map<string, { kind: string; at: string }[]>();

  /** A case with timers at the given offsets from now (ms), written as intake and routing would. */
  async function addCase(code: string, status: string, offsets: number[], changedAt?: Date) {
    const now = Date.now();
    const timers = offsets.map((o, i) => ({
      kind: ['warn:resolution', 'due:resolution', 'rung:2'][i] ?? `rung:${i}`,
      at: new Date(now + o).toISOString(),
    }));
    const [row] = await t.db.execute<{ id: string }>(sql`
      insert into cases (tracking_code, type, channel, status, category_id, text, version,
                         received_at, updated_at, deadline_generation, sla_timers)
      values (${code}, 'feedback', 'web', ${status}::case_status,
              (select id from categories limit 1), 'Phản ánh mẫu', 1,
              now() - interval '10 days', now() - interval '10 days', 1,
              ${JSON.stringify(timers)}::jsonb)
      returning id`);
    const id = row!.id;
    await t.db.execute(sql`
      insert into case_events (case_id, version, type, payload, actor_kind, occurred_at)
      values (${id}, 1, 'received', '{}'::jsonb, 'citizen',
              ${(changedAt ?? new Date(now - 10 * DAY)).toISOString()}::timestamptz)`);
    // A slot's job fires the open cases only.
    if (status !== 'resolved') timersOf.set(id, timers);
    return id;
  }

  /** The cases some of whose timers a job in Redis fires: its own, or its slot's. */
  const casesInRedis = async () => {
    const jobs = await sla.getJobs(['delayed', 'wait'], 0, -1);
    const fires = (id: string, t: { at: string }) =>
      jobs.some((j) => {
        const d = j.data as { caseId?: string; dueAt?: string; from?: string; until?: string };
        if (d.caseId) return d.caseId === id && d.dueAt === t.at;
        const at = Date.parse(t.at);
        return Date.parse(d.from!) <= at && at < Date.parse(d.until!);
      });
    return new Set(
      [...timersOf].filter(([id, ts]) => ts.some((t) => fires(id, t))).map(([id]) => id),
    );
  };

  it('a first pass reads all; the next offers the changed case and the one due soon', async () => {
    const quiet: string[] = [];
    for (let i = 0; i < 20; i++)
      quiet.push(await addCase(`quiet-${i}`, 'in_progress', [3 * DAY, 6 * DAY, 7 * DAY]));
    const changed = await addCase('changed', 'assigned', [30 * MINUTE, 4 * DAY], new Date());
    const dueSoon = await addCase('due-soon', 'in_progress', [MINUTE, 5 * DAY]);
    // Due an hour ago, untouched since: an earlier pass offered it before it was due.
    await addCase('due-before', 'in_progress', [-60 * MINUTE, 5 * DAY]);
    await addCase('resolved', 'resolved', [MINUTE, 2 * MINUTE]);

    // No last pass to start from: every open case is read, and the timers due within the
    // hour, or past, are added (the queue holds no others).
    const first = await run();
    expect(first).toMatchObject({ pass: 'full', cases: 23, timers: 3 });

    // Redis loses the timers (the watermark is kept, as a lost job or two would leave it).
    const watermark = await producer.get(keys.watermark);
    expect(watermark).not.toBeNull();
    await deleteRedisPrefix(prefix);
    await producer.set(keys.watermark, watermark!);
    expect((await casesInRedis()).size).toBe(0);

    const second = await run();
    expect(second).toMatchObject({ pass: 'incremental', cases: 2, due: 2, changed: 0, timers: 2 });
    expect(await casesInRedis()).toEqual(new Set([changed, dueSoon]));
    expect(quiet).not.toContain(changed);
  });

  it('adds a timer beyond the hour with the pass whose hour reaches it, before it is due', async () => {
    await deleteRedisPrefix(prefix);
    const now = Date.now();
    const later = await addCase('later', 'in_progress', [3 * 60 * MINUTE]);
    const deps = { db: t.db, publisher };
    const window = (at: number) => ({
      since: new Date(at - 3 * MINUTE),
      dueUntil: new Date(at + TIMER_HORIZON_MS),
    });
    // Two hours on: three hours is still beyond the hour.
    const at2h = now + 2 * 60 * MINUTE - MINUTE;
    expect(await reconcileRecentSlaTimers(deps, new Date(at2h), window(at2h))).toMatchObject({
      timers: 0,
    });
    expect(await casesInRedis()).toEqual(new Set());
    // Two pass intervals later, it is within the hour: added, to run when it is due.
    const at2h4 = at2h + 4 * MINUTE;
    expect(await reconcileRecentSlaTimers(deps, new Date(at2h4), window(at2h4))).toMatchObject({
      due: 1,
      timers: 1,
    });
    expect(await casesInRedis()).toEqual(new Set([later]));
    // In its slot's job, which runs when the slot is over: on time, never before.
    const [job] = await sla.getJobs(['delayed'], 0, -1);
    const due = now + 3 * 60 * MINUTE;
    const runsAt = job!.timestamp + job!.opts.delay!;
    expect(runsAt).toBeGreaterThan(due);
    expect(runsAt - due).toBeLessThanOrEqual(SLOT_MS);
  });
});

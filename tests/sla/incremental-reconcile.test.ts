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
import { canaryKeys, reconcileProcessor } from '@hotline/worker';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('the periodic reconcile offers again only the cases changed or due soon', () => {
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
    return id;
  }

  const casesInRedis = async () => {
    const jobs = await sla.getJobs(['delayed', 'wait'], 0, -1);
    return new Set(jobs.map((j) => (j.data as { caseId: string }).caseId));
  };

  it('a first pass rebuilds all; the next offers the changed case and the one due soon', async () => {
    const quiet: string[] = [];
    for (let i = 0; i < 20; i++)
      quiet.push(await addCase(`quiet-${i}`, 'in_progress', [3 * DAY, 6 * DAY, 7 * DAY]));
    const changed = await addCase('changed', 'assigned', [2 * DAY, 4 * DAY], new Date());
    const dueSoon = await addCase('due-soon', 'in_progress', [MINUTE, 5 * DAY]);
    // Due an hour ago, untouched since: an earlier pass offered it before it was due.
    await addCase('due-before', 'in_progress', [-60 * MINUTE, 5 * DAY]);
    await addCase('resolved', 'resolved', [MINUTE, 2 * MINUTE]);

    // No last pass to start from: every open case.
    const first = await run();
    expect(first).toMatchObject({ pass: 'full', cases: 23, timers: 20 * 3 + 2 + 2 + 2 });

    // Redis loses the timers (the watermark is kept, as a lost job or two would leave it).
    const watermark = await producer.get(keys.watermark);
    expect(watermark).not.toBeNull();
    await deleteRedisPrefix(prefix);
    await producer.set(keys.watermark, watermark!);
    expect((await casesInRedis()).size).toBe(0);

    const second = await run();
    expect(second).toMatchObject({ pass: 'incremental', cases: 2, due: 1, changed: 1, timers: 4 });
    expect(await casesInRedis()).toEqual(new Set([changed, dueSoon]));
    expect(quiet).not.toContain(changed);
  });
});

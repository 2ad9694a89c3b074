// `pnpm bench:recovery`: Redis loses its data under BENCH_RECOVERY_CASES (default 1,000,000)
// open cases, on 127.0.0.1 only. A real worker runs on a throwaway database:
//   A. the time from the loss to its detection (the canary, checked every REDIS_CANARY_CHECK_MS),
//      to the timers Redis holds rebuilt (those due within the hour, and the last day's), and to
//      the pass over every open case for an older backlog (target: detected within 30 s,
//      rebuilt within 2 min);
//   B. one incremental reconcile pass at that scale (target: well within its 2-minute interval).
// The cases are written by one INSERT … SELECT, not through the API.
import { cpus } from 'node:os';
import { Writable } from 'node:stream';
import { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import { createLogger, loadConfigWith } from '@hotline/config';
import { URGENT_TIMERS } from '@hotline/core';
import { createPublisher, createRedis } from '@hotline/queue';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  seedSmallProvince,
} from '@hotline/testing';
import { canaryKeys, reconcileProcessor, startWorker } from '@hotline/worker';

const N = Number(process.env.BENCH_RECOVERY_CASES ?? 1_000_000);
const TIMERS_PER_CASE = 5;
const RECENTLY_CHANGED = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => (ms / 1000).toFixed(1);

console.log(
  `machine: ${cpus().length} cores; node ${process.version}; ${N.toLocaleString('en')} open cases with ${TIMERS_PER_CASE} timers each`,
);

const db = await createTestDatabase('recovery');
await seedSmallProvince(db.db);
let started = performance.now();
// Timers spread over the next 30 days, to the second, as a province's open cases would be.
await db.db.execute(sql`
  insert into cases (tracking_code, type, channel, status, category_id, text, version, received_at,
                     updated_at, deadline_generation, sla_timers)
  select 'rec-' || i, 'feedback', 'web', 'in_progress',
         (select id from categories limit 1), 'Phản ánh mẫu', 4,
         now() - interval '10 days', now() - interval '10 days', 3,
         (select jsonb_agg(jsonb_build_object('kind', k, 'at',
                   to_char((now() + make_interval(secs => ((i::bigint * 7919) % 2592000) + d * 86400)) at time zone 'UTC',
                           'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
            from unnest(array['warn:resolution','due:resolution','rung:2','rung:3','due:first_response'],
                        array[0, 1, 2, 3, 4]) as t(k, d))
  from generate_series(1, ${N}) as i`);
// Their history: one old event each, and a few cases changed a moment ago.
await db.db.execute(sql`
  insert into case_events (case_id, version, type, payload, actor_kind, occurred_at)
  select id, 1, 'received', '{}'::jsonb, 'citizen', received_at from cases`);
await db.db.execute(sql`
  insert into case_events (case_id, version, type, payload, actor_kind, occurred_at)
  select id, 2, 'assigned', '{}'::jsonb, 'system', now() from cases
  where tracking_code like 'rec-%' order by tracking_code limit ${RECENTLY_CHANGED}`);
await db.db.execute(sql`analyze cases; analyze case_events`);
console.log(`   written in ${seconds(performance.now() - started)} s (with their events)`);

// ---- A. loss → detection → rebuilt ------------------------------------------------------------
const prefix = freshRedisPrefix();
const config = loadConfigWith({
  DATABASE_URL: db.url,
  REDIS_PREFIX: prefix,
  LOG_LEVEL: 'warn',
  LOG_PRETTY: 'false',
  ATTACHMENTS_DIR: '/tmp/hotline-bench-recovery',
});
const events: { msg: string; at: number; [k: string]: unknown }[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line) events.push({ ...(JSON.parse(line) as { msg: string }), at: performance.now() });
    }
    done();
  },
});
const log = createLogger(config, {}, sink);
const probe = createRedis(config.redisUrl, 'worker');
const keys = canaryKeys(prefix);
// Redis as it is after a long run: the canary written, and the watermark of the last pass.
await probe.set(keys.canary, 'bench');
await probe.set(keys.watermark, new Date().toISOString());
const worker = startWorker(config, log);
await sleep(2000);
const sla = new Queue('sla', { connection: probe, prefix });
const find = (msg: string) => events.find((e) => e.msg === msg);

// The loss: Redis keeps nothing of the prefix (its jobs, the canary and the schedules), all at
// once (a SCAN that deletes as it goes would let the worker notice before the loss is whole).
const lostKeys: string[] = [];
let cursor = '0';
do {
  const [next, found] = await probe.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
  cursor = next;
  lostKeys.push(...found);
} while (cursor !== '0');
await probe.del(...lostKeys);
const lostAt = performance.now();
while (!find('Redis rebuilt from Postgres')) await sleep(100);
const detected = find('Redis lost its data; rebuilding timers and jobs from Postgres')!;
const urgent = find('Redis rebuilt from Postgres')!;
const urgentCounts = await sla.getJobCounts('delayed', 'wait');
console.log(
  `A. loss detected after ${seconds(detected.at - lostAt)} s (check every ${seconds(config.redisCanaryCheckMs)} s; target ≤ 30 s)`,
);
console.log(
  `   timers due within ${URGENT_TIMERS.aheadMs / 3_600_000} h (or in the last ${URGENT_TIMERS.lookBackMs / 3_600_000} h) back ` +
    `${seconds(urgent.at - lostAt)} s after the loss: ${Number(urgent.timers).toLocaleString('en')} jobs for the timers of ` +
    `${Number(urgent.cases).toLocaleString('en')} cases; Redis holds ${(urgentCounts.delayed ?? 0).toLocaleString('en')} delayed`,
);
// BENCH_RECOVERY_FULL=0 skips waiting for the pass over every open case.
while (
  process.env.BENCH_RECOVERY_FULL !== '0' &&
  !find('Redis rebuilt from Postgres: every open case read')
) {
  await sleep(500);
}
const all = find('Redis rebuilt from Postgres: every open case read');
const counts = await sla.getJobCounts('delayed', 'wait');
if (!all) {
  console.log(
    `   the full pass was still running: Redis holds ${(counts.delayed ?? 0).toLocaleString('en')} delayed ` +
      `${seconds(performance.now() - lostAt)} s after the loss`,
  );
} else
  console.log(
    `   every open case read ${seconds(all.at - lostAt)} s after the loss (target < 120 s): ` +
      `${Number(all.cases).toLocaleString('en')} cases (${Math.round(Number(all.cases) / ((all.at - urgent.at) / 1000)).toLocaleString('en')}/s), ` +
      `${Number(all.timers).toLocaleString('en')} jobs offered again; ` +
      `Redis holds ${(counts.delayed ?? 0).toLocaleString('en')} delayed, ${counts.wait ?? 0} waiting`,
  );
await worker.close();

// ---- B. one incremental pass --------------------------------------------------------------------
const producer = createRedis(config.redisUrl, 'producer');
await new Promise<void>((resolve) => producer.once('ready', () => resolve()));
const publisher = createPublisher(producer, prefix);
const pass = reconcileProcessor({
  db: db.db,
  publisher,
  log,
  redis: producer,
  prefix,
  everyMs: config.reconcileEveryMs,
});
// As the scheduled pass finds it: the last pass one interval ago.
await producer.set(keys.watermark, new Date(Date.now() - config.reconcileEveryMs).toISOString());
const result = await pass();
console.log(
  `B. one incremental pass (every ${seconds(config.reconcileEveryMs)} s) at ${N.toLocaleString('en')} open cases: ` +
    `${seconds(result.ms)} s; offered ${result.cases.toLocaleString('en')} cases ` +
    `(${'due' in result ? String(result.due) : '?'} due soon, ${'changed' in result ? String(result.changed) : '?'} changed), ${result.timers.toLocaleString('en')} timers`,
);

await publisher.close();
await sla.close();
producer.disconnect();
probe.disconnect();
started = performance.now();
await deleteRedisPrefix(prefix);
await db.drop();
console.log(`   cleaned up in ${seconds(performance.now() - started)} s`);

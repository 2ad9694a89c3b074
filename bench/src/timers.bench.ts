// `pnpm bench:timers`: SLA timers at scale, on 127.0.0.1 only. BENCH_TIMERS (default 1,000,000)
// delayed jobs of the production shape are kept in Redis in the background while we measure:
//   A. Redis memory per timer and the time to schedule them all;
//   B. timer precision (fire time − due time) with intake running, and a burst of 10,000 timers
//      due in the same second;
//   C. the rebuild after Redis loses everything: timers/s restored from Postgres, idempotent.
// Routing throughput is `pnpm bench:routing`.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Queue, Worker } from 'bullmq';
import { sql } from 'drizzle-orm';
import { loadConfig } from '@hotline/config';
import { reconcileSlaTimers, slaTimerJobId } from '@hotline/core';
import { createPublisher, createRedis, type OutgoingJob } from '@hotline/queue';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  seedSmallProvince,
} from '@hotline/testing';

const N = Number(process.env.BENCH_TIMERS ?? 1_000_000);
const BURST = 10_000;
const STREAM = 2_000;
const DAY = 86_400_000;
const config = loadConfig();

const usedMemory = async (redis: ReturnType<typeof createRedis>) =>
  Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function timerJob(caseId: string, kind: string, dueAt: number, now: number): OutgoingJob {
  return {
    queue: 'sla',
    name: 'check-deadline',
    jobId: slaTimerJobId(caseId, 3, kind),
    data: { caseId, generation: 3, kind, dueAt: new Date(dueAt).toISOString() },
    delay: Math.max(0, dueAt - now),
    timestamp: now,
  };
}

async function publishAll(publisher: ReturnType<typeof createPublisher>, jobs: OutgoingJob[]) {
  for (let i = 0; i < jobs.length; i += 1000) await publisher.publish(jobs.slice(i, i + 1000));
}

console.log(
  `machine: ${cpus().length} cores; node ${process.version}; ${N.toLocaleString('en')} background timers`,
);

// ---- A. memory and scheduling time ------------------------------------------------------
const prefix = freshRedisPrefix();
const producer = createRedis(config.redisUrl, 'producer');
await new Promise<void>((resolve) => producer.once('ready', () => resolve()));
const publisher = createPublisher(producer, prefix);
const probe = createRedis(config.redisUrl, 'worker');
const memoryBefore = await usedMemory(probe);
let started = performance.now();
for (let i = 0; i < N; i += 10_000) {
  const now = Date.now();
  const jobs = Array.from({ length: Math.min(10_000, N - i) }, (_, k) =>
    timerJob(randomUUID(), 'due:resolution', now + DAY + ((i + k) % (29 * DAY)), now),
  );
  await publishAll(publisher, jobs);
}
const scheduleSeconds = (performance.now() - started) / 1000;
const memoryPerTimer = ((await usedMemory(probe)) - memoryBefore) / N;
console.log(
  `A. ${N.toLocaleString('en')} timers scheduled in ${scheduleSeconds.toFixed(1)} s ` +
    `(${Math.round(N / scheduleSeconds).toLocaleString('en')}/s); Redis memory ${Math.round(memoryPerTimer)} B per timer (target ≤ 1 KB)`,
);

// ---- B. precision, with intake running ----------------------------------------------------
const db = await createTestDatabase('timers');
await seedSmallProvince(db.db);
const server: ChildProcess = fork(
  fileURLToPath(new URL('./bench-server.ts', import.meta.url)),
  [db.url],
  {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  },
);
const { realPort } = await new Promise<{ realPort: number }>((resolve) =>
  server.on('message', (m: { kind: string; realPort: number }) => m.kind === 'ready' && resolve(m)),
);
const lateness: number[] = [];
const burstLateness: number[] = [];
const workerConnection = createRedis(config.redisUrl, 'worker');
const worker = new Worker(
  'sla',
  async (job) => {
    const late = Date.now() - Date.parse((job.data as { dueAt: string }).dueAt);
    ((job.data as { kind: string }).kind === 'burst' ? burstLateness : lateness).push(late);
  },
  { connection: workerConnection, prefix, concurrency: 50 },
);
const t0 = Date.now() + 5000;
const precisionJobs = [
  ...Array.from({ length: BURST }, () => timerJob(randomUUID(), 'burst', t0, Date.now())),
  ...Array.from({ length: STREAM }, (_, i) =>
    timerJob(randomUUID(), 'stream', t0 + 1000 + Math.floor((i * 20_000) / STREAM), Date.now()),
  ),
];
await publishAll(publisher, precisionJobs);
const intake = autocannon({
  url: `http://127.0.0.1:${realPort}/v1/cases`,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ categoryCode: 'xay-dung', text: 'Công trình xây dựng gây ồn ban đêm.' }),
  overallRate: 300,
  connections: 10,
  duration: 25,
});
while (lateness.length + burstLateness.length < BURST + STREAM) await sleep(200);
const intakeResult = await intake;
await worker.close();
workerConnection.disconnect();
lateness.sort((a, b) => a - b);
burstLateness.sort((a, b) => a - b);
console.log(
  `B. ${STREAM.toLocaleString('en')} timers over 20 s, with intake at ${Math.round(intakeResult.requests.average)} req/s: ` +
    `earliest ${lateness[0]} ms, p50 ${percentile(lateness, 0.5)} ms, p99 ${percentile(lateness, 0.99)} ms, max ${lateness.at(-1)} ms ` +
    `(targets: never early, p99 ≤ 250 ms, max ≤ 2 s)`,
);
console.log(
  `   burst of ${BURST.toLocaleString('en')} due in the same second: earliest ${burstLateness[0]} ms, all fired within ${burstLateness.at(-1)} ms (target 5 s)`,
);
const serverExit = new Promise((r) => server.once('exit', r));
server.send({ kind: 'stop' });
await serverExit;
await deleteRedisPrefix(prefix);

// ---- C. rebuild from Postgres ---------------------------------------------------------------
const cases = Math.ceil(N / 5);
started = performance.now();
await db.db.execute(sql`
  insert into cases (tracking_code, type, channel, status, category_id, text, version, received_at,
                     updated_at, deadline_generation, sla_timers)
  select 'syn-b' || i, 'feedback', 'web', 'in_progress',
         (select id from categories limit 1), 'Phản ánh mẫu', 4, now(), now(), 3,
         (select jsonb_agg(jsonb_build_object('kind', k, 'at', to_char((now() + (d || ' days')::interval) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
            from unnest(array['warn:resolution','due:resolution','rung:2','rung:3','due:first_response'], array[1,2,3,4,5]) as t(k, d))
  from generate_series(1, ${cases}) as i`);
console.log(
  `C. ${cases.toLocaleString('en')} open cases with 5 timers each written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
const rebuildPrefix = freshRedisPrefix();
const rebuildPublisher = createPublisher(producer, rebuildPrefix);
started = performance.now();
const first = await reconcileSlaTimers(
  { db: db.db, publisher: rebuildPublisher },
  new Date(),
  5000,
);
const rebuildSeconds = (performance.now() - started) / 1000;
const slaQueue = new Queue('sla', { connection: probe, prefix: rebuildPrefix });
const afterFirst = await slaQueue.getJobCounts('delayed', 'wait');
const second = await reconcileSlaTimers(
  { db: db.db, publisher: rebuildPublisher },
  new Date(),
  5000,
);
const afterSecond = await slaQueue.getJobCounts('delayed', 'wait');
console.log(
  `   rebuilt ${first.timers.toLocaleString('en')} timers in ${rebuildSeconds.toFixed(1)} s = ` +
    `${Math.round(first.timers / rebuildSeconds).toLocaleString('en')} timers/s (target ≥ 10,000/s); ` +
    `again: ${second.timers.toLocaleString('en')} offered, delayed jobs ${afterFirst.delayed} → ${afterSecond.delayed} (idempotent)`,
);
await slaQueue.close();
await rebuildPublisher.close();
await deleteRedisPrefix(rebuildPrefix);

await publisher.close();
producer.disconnect();
probe.disconnect();
await db.drop();

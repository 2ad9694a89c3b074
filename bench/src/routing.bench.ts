// `pnpm bench:routing`: cases routed per second by two worker processes, on 127.0.0.1 only.
// BENCH_ROUTED (default 10,000) received cases, each with its outbox row and open report span,
// are written straight into a fresh database; two workers relay and route them. Each routing
// reads the rules, picks the unit (and handler), computes the SLA on the unit's calendar,
// appends the event, stores the projection and report facts and schedules the case's timers.
// Beside the throughput: CPU per case of the workers, their Postgres backends and Redis, the
// batches' mean size and the socket writes per case (round trips).
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  seedSmallProvince,
} from '@hotline/testing';
import { backendPids, processSyscalls, startProcessCpu } from './process-cpu.js';

const ROUTED = Number(process.env.BENCH_ROUTED ?? 10_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const root = fileURLToPath(new URL('../..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

console.log(`machine: ${cpus().length} cores; node ${process.version}`);
const db = await createTestDatabase('routing');
await seedSmallProvince(db.db);
const intakeSql = db.raw;
const category = await intakeSql`select id from categories where code = 'xay-dung'`;
await intakeSql`
  with ins as (
    insert into cases (tracking_code, type, channel, status, category_id, text, version, received_at, updated_at)
    select 'syn-r' || i, 'feedback', 'web', 'received', ${category[0]!.id as string}::uuid,
           'Phản ánh mẫu để đo định tuyến', 1, now(), now()
    from generate_series(1, ${ROUTED}) as i
    returning id, category_id),
  -- As intake writes it: the span a routing (or resolution) closes.
  fact as (
    insert into case_report_facts (case_id, kind, seq, at, received_at, category_id, channel)
    select id, 'open', 1, now(), now(), category_id, 'web' from ins),
  ev as (
    insert into case_events (case_id, version, type, payload, actor_kind, occurred_at)
    select id, 1, 'received', jsonb_build_object('caseType', 'feedback', 'channel', 'web', 'categoryId', category_id,
           'hotlineId', null, 'communeUnitId', null, 'priority', 'normal'), 'citizen', now() from ins)
  insert into outbox (queue, job_name, job_id, payload)
  select 'routing', 'route-case', 'route-case-' || id, jsonb_build_object('caseId', id) from ins`;
await intakeSql`vacuum analyze`;
// Each statement of the workers in the server's log, with its duration (to count round trips).
if (process.env.BENCH_LOG_STATEMENTS === '1') {
  await intakeSql.unsafe(
    `alter database "${new URL(db.url).pathname.slice(1)}" set log_min_duration_statement = 0`,
  );
}
const routingPrefix = freshRedisPrefix();
const workers = Array.from({ length: WORKERS }, () =>
  spawn(process.execPath, ['--import', 'tsx', 'services/worker/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      REDIS_PREFIX: routingPrefix,
      LOG_LEVEL: 'warn',
      OUTBOX_POLL_MS: '50',
      // e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`: a profile of each worker, written at exit.
      NODE_OPTIONS: process.env.BENCH_WORKER_NODE_OPTIONS ?? '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  }),
);
const routedSoFar = async () => {
  const [row] = await db.db.execute<{ n: number }>(
    sql`select count(*)::int as n from case_events where type = 'routed'`,
  );
  return row?.n ?? 0;
};
// CPU is counted from the first routed case on, so the workers' start is left out.
let atStart = await routedSoFar();
while (atStart === 0) {
  await sleep(50);
  atStart = await routedSoFar();
}
const database = new URL(db.url).pathname.slice(1);
const writesSoFar = () => workers.reduce((n, w) => n + processSyscalls(w.pid!).writes, 0);
const writesBefore = writesSoFar();
const cpu = await startProcessCpu(
  workers.map((w) => w.pid!),
  () => backendPids(db.raw, database, 'hotline-worker'),
);
let routed = await routedSoFar();
while (routed < ROUTED) {
  await sleep(250);
  routed = await routedSoFar();
}
const { nodeMs, pgMs, redisMs } = await cpu();
const writes = writesSoFar() - writesBefore;
const measured = routed - atStart;
const [span] = await db.db.execute<{ seconds: number; batches: number }>(sql`
  select extract(epoch from max(occurred_at) - min(occurred_at))::float as seconds,
         count(distinct occurred_at)::int as batches
  from case_events where type = 'routed'`);
console.log(
  `${ROUTED.toLocaleString('en')} cases routed by ${WORKERS} worker processes in ${span!.seconds.toFixed(1)} s = ` +
    `${Math.round(ROUTED / span!.seconds).toLocaleString('en')} cases/s (target ≥ 1,000/s); ` +
    `CPU per case ${((nodeMs + pgMs) / measured).toFixed(3)} ms = workers ${(nodeMs / measured).toFixed(3)} + ` +
    `Postgres ${(pgMs / measured).toFixed(3)} (over ${measured.toLocaleString('en')} cases); ` +
    `Redis ${(redisMs / measured).toFixed(3)} (shared: counts anyone's use)`,
);
// The cases of one batch share their transaction's time.
console.log(
  `${span!.batches.toLocaleString('en')} batches of ${(ROUTED / span!.batches).toFixed(1)} cases on average; ` +
    `${(writes / measured).toFixed(2)} socket writes (to Postgres and Redis) per case`,
);
for (const w of workers) w.kill('SIGTERM');
await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));
await deleteRedisPrefix(routingPrefix);
await db.drop();

// `pnpm bench:timers`: SLA timers at scale, on 127.0.0.1 only. BENCH_TIMERS (default 100,000;
// the target is 1,000,000) delayed jobs of a timer's own shape are kept in Redis in the
// background while we measure (more than the system keeps there: it holds the coming hour's
// timers only, and one job per 100 ms slot for those further than ten seconds ahead):
//   A. Redis memory per timer and the time to schedule them all;
//   B. a storm: BENCH_STORM (default 10,000) deadlines due in the same second, fired by
//      BENCH_WORKERS (default 2) real worker processes: time until all are recorded in Postgres,
//      lateness of the recorded events, none early; and intake's p99 (POST /v1/cases at
//      BENCH_INTAKE_RATE, default 30 req/s) without the storm and during it;
//   B2. BENCH_STEADY (default 1,000) deadlines at random instants over 10 s: their lateness;
//   C. the rebuild after Redis loses everything: timers/s restored from Postgres, idempotent
//      (timers of the coming hour, the ones Redis holds).
// Routing throughput is `pnpm bench:routing`.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import { loadConfig } from '@hotline/config';
import {
  createCalendar,
  createSlaPolicy,
  PROVINCE_CALENDAR_ID,
  reconcileSlaTimers,
  slaTimerJobId,
  slaTimerJobs,
} from '@hotline/core';
import { createPublisher, createRedis, type OutgoingJob } from '@hotline/queue';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  seedSmallProvince,
} from '@hotline/testing';

const N = Number(process.env.BENCH_TIMERS ?? 100_000);
const STORM = Number(process.env.BENCH_STORM ?? 10_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const INTAKE_RATE = Number(process.env.BENCH_INTAKE_RATE ?? 30);
const STORM_INTAKE_S = 10;
const DAY = 86_400_000;
const config = loadConfig();

const usedMemory = async (redis: ReturnType<typeof createRedis>) =>
  Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Which part of Postgres a process is: a connection to the benchmark's database, or a helper. */
function postgresRole(pid: string): string {
  const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  const helper = /autovacuum|checkpointer|walwriter|background writer/.exec(title);
  if (helper) return `postgres ${helper[0]}`;
  return title.includes('hotline_timers') ? 'postgres connections' : 'postgres other';
}

/** CPU time (in clock ticks, 10 ms) spent so far by the worker processes, Postgres and Redis. */
function processCpu(): Map<string, number> {
  const spent = new Map<string, number>();
  const workerPids = new Map(workers.map((w, i) => [w.pid, `worker ${i + 1}`]));
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      const name =
        workerPids.get(Number(pid)) ??
        (Number(pid) === server.pid
          ? 'api'
          : comm === 'postgres'
            ? postgresRole(pid)
            : comm.startsWith('redis-server')
              ? 'redis'
              : null);
      if (name) spent.set(name, (spent.get(name) ?? 0) + ticks);
    } catch {
      // gone meanwhile
    }
  }
  return spent;
}

function timerJob(
  caseId: string,
  kind: string,
  dueAt: number,
  now: number,
  generation = 3,
): OutgoingJob {
  return {
    queue: 'sla',
    name: 'check-deadline',
    jobId: slaTimerJobId(caseId, generation, kind),
    data: { caseId, generation, kind, dueAt: new Date(dueAt).toISOString() },
    delay: Math.max(0, dueAt - now),
    timestamp: now,
  };
}

async function publishAll(publisher: ReturnType<typeof createPublisher>, jobs: OutgoingJob[]) {
  for (let i = 0; i < jobs.length; i += 1000) await publisher.publish(jobs.slice(i, i + 1000));
}

console.log(
  `machine: ${cpus().length} cores; node ${process.version}; ${N.toLocaleString('en')} background timers; ` +
    `storm of ${STORM.toLocaleString('en')}`,
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

// ---- B. a storm of deadlines, recorded by the real worker, with intake running ---------------
// STORM cases whose resolution deadline falls in the same second t0 (a 24×7 calendar, so the
// deadline is exactly receipt + 1 h), each with its `due:resolution` timer, in the Redis prefix
// where the background timers wait. WORKERS real worker processes fire them; lateness is that
// of the event recorded in Postgres (its occurred_at, and when a poll first sees it), never
// when BullMQ hands the job over. Intake is POSTed at a steady rate without the storm, then
// during it.
const db = await createTestDatabase('timers');
const province = await seedSmallProvince(db.db);
const admin = null;
await createCalendar(
  { db: db.db },
  'always',
  {
    name: '24/7',
    parentId: PROVINCE_CALENDAR_ID,
    weekly: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
    holidays: { enabled: false },
  },
  admin,
);
await db.db.execute(sql`update admin_units set calendar_id = 'always'`);
const HOUR = { duration: 'PT1H', unit: 'working' } as const;
await createSlaPolicy(
  { db: db.db },
  {
    caseType: 'feedback',
    categoryCode: null,
    priority: null,
    acceptance: { duration: 'PT4H', unit: 'working' },
    firstResponse: { duration: 'PT4H', unit: 'working' },
    resolution: HOUR,
    resolutionComplex: null,
    resolutionFrom: 'receipt',
    warningFraction: 0.5,
    maxExtensions: 0,
    maxExtensionsComplex: 0,
    maxExtension: null,
    escalation: { rung2After: HOUR, rung3After: HOUR },
    transferResetsDeadline: false,
  },
  admin,
);
const root = fileURLToPath(new URL('../..', import.meta.url));
const workers = Array.from({ length: WORKERS }, () =>
  spawn(process.execPath, ['--import', 'tsx', 'services/worker/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      OUTBOX_POLL_MS: '50',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  }),
);
const server: ChildProcess = fork(
  fileURLToPath(new URL('./bench-server.ts', import.meta.url)),
  [db.url],
  {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  },
);
// A crash of the benchmark must not leave its processes running.
process.once('exit', () => {
  for (const w of workers) w.kill('SIGKILL');
  server.kill('SIGKILL');
});
const { realPort } = await new Promise<{ realPort: number }>((resolve) =>
  server.on('message', (m: { kind: string; realPort: number }) => m.kind === 'ready' && resolve(m)),
);
const intake = (seconds: number) =>
  autocannon({
    url: `http://127.0.0.1:${realPort}/v1/cases`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ categoryCode: 'xay-dung', text: 'Công trình xây dựng gây ồn ban đêm.' }),
    overallRate: INTAKE_RATE,
    connections: 10,
    duration: seconds,
  });
// Let the workers start (and their startup reconcile pass over intake's first cases) first.
await intake(5);
const BASELINE_S = 10;
// The deadline: once the cases are written, the timers published and the baseline measured.
const t0 = Math.ceil((Date.now() + (BASELINE_S + 10 + STORM / 1000) * 1000) / 1000) * 1000;
const receivedAt = new Date(t0 - 3_600_000).toISOString();
const writing = performance.now();
// Received and routed to the triage centre (deadline generation 2) an hour before t0.
const stormIds = (
  await db.db.execute<{ id: string }>(sql`
    with ins as (
      insert into cases (tracking_code, type, channel, status, category_id, text, version,
                         received_at, updated_at, unit_id, deadline_generation)
      select 'syn-s' || i, 'feedback', 'web', 'in_progress',
             (select id from categories where code = 'xay-dung'), 'Phản ánh mẫu', 2, ${receivedAt}::timestamptz,
             ${receivedAt}::timestamptz,
             ${province.triageUnitId}::uuid, 2
      from generate_series(1, ${STORM}) as i
      returning id, category_id),
    ev as (
      insert into case_events (case_id, version, type, payload, actor_kind, actor_process, occurred_at)
      select id, 1, 'received', jsonb_build_object('caseType', 'feedback', 'channel', 'web',
               'categoryId', category_id, 'hotlineId', null, 'communeUnitId', null, 'priority', 'normal'),
             'citizen', null, ${receivedAt}::timestamptz from ins
      union all
      select id, 2, 'routed', jsonb_build_object('unitId', ${province.triageUnitId}::text,
               'reason', 'triage_fallback'), 'system', 'worker:routing', ${receivedAt}::timestamptz from ins)
    select id from ins`)
).map((r) => r.id);
await db.db.execute(sql`vacuum analyze`);
console.log(
  `B. ${STORM.toLocaleString('en')} open cases written in ${((performance.now() - writing) / 1000).toFixed(1)} s; ` +
    `${WORKERS} worker processes (SLA batches of ${config.slaBatch.size} within ${config.slaBatch.waitMs} ms, ` +
    `concurrency ${config.concurrency.sla}), intake at ${INTAKE_RATE} req/s`,
);
const published = Date.now();
// As the outbox of the changes that set them would: the system's own choice of jobs (a timer
// due more than SLOT_LEAD_MS ahead goes in its slot's job), and the timers stored on the cases,
// where a slot's job finds them.
const stormTimers = [{ kind: 'due:resolution', at: new Date(t0).toISOString() }];
await db.db.execute(
  sql`update cases set sla_timers = ${JSON.stringify(stormTimers)}::jsonb where tracking_code like 'syn-s%'`,
);
const stormJobs = slaTimerJobs(
  stormIds.map((caseId) => ({ caseId, generation: 2, timers: stormTimers })),
  new Date(),
);
await publishAll(publisher, stormJobs);
console.log(
  `   ${STORM.toLocaleString('en')} timers due at ${new Date(t0).toISOString()} published in ${Date.now() - published} ms ` +
    `(${stormJobs.length} job${stormJobs.length === 1 ? '' : 's'}: ${[...new Set(stormJobs.map((j) => j.name))].join(', ')})`,
);
const baseline = await intake(BASELINE_S);
if (Date.now() > t0 - 1000) console.log('   (setup overran the storm: figures below are spoiled)');
await sleep(t0 - 1000 - Date.now());
const cpuBefore = processCpu();
const storm = intake(STORM_INTAKE_S);
// When each breach became visible to another connection (after its commit), polled.
const POLL_MS = 50;
const visible: { at: number; n: number }[] = [];
const stormDeadline = t0 + 120_000;
for (;;) {
  const [row] = await db.db.execute<{ n: number }>(
    sql`select count(*)::int as n from case_events where type = 'sla_breached'`,
  );
  visible.push({ at: Date.now(), n: row!.n });
  if (row!.n >= STORM || Date.now() > stormDeadline) break;
  await sleep(POLL_MS);
}
const cpuDuring = processCpu();
const stormIntake = await storm;
const [{ n: seen } = { n: 0 }] = visible.slice(-1);
const visibleBy = (q: number) =>
  (visible.find((v) => v.n >= Math.ceil(q * STORM))?.at ?? Number.NaN) - t0;
const decided = (
  await db.db.execute<{ late: number }>(sql`
    select extract(epoch from occurred_at - (payload->>'dueAt')::timestamptz) * 1000 as late
    from case_events where type = 'sla_breached' order by 1`)
).map((r) => Number(r.late));
const [check] = await db.db.execute<{
  early: number;
  early_any: number;
  not_t0: number;
  double: number;
  events: number;
}>(sql`
  select
    (select count(*)::int from case_events
      where type = 'sla_breached' and occurred_at < (payload->>'dueAt')::timestamptz) as early,
    (select count(*)::int from case_events e join cases c on c.id = e.case_id
      where c.tracking_code like 'syn-s%' and e.version > 2
        and e.occurred_at < ${new Date(t0).toISOString()}::timestamptz) as early_any,
    (select count(*)::int from case_events where type = 'sla_breached'
      and (payload->>'dueAt')::timestamptz <> ${new Date(t0).toISOString()}::timestamptz) as not_t0,
    (select count(*)::int from (select case_id from case_events where type = 'sla_breached'
      group by case_id, payload->>'target', payload->>'dueAt' having count(*) > 1) d) as double,
    (select count(*)::int from case_events e join cases c on c.id = e.case_id
      where c.tracking_code like 'syn-s%' and e.version > 2) as events`);
const ms = (v: number) => `${Math.round(v)} ms`;
console.log(
  `   all ${seen.toLocaleString('en')} deadlines recorded (${check!.events.toLocaleString('en')} events: breach, ` +
    `missed warning, rung 1) within ${ms(visibleBy(1))} of their due time (target ≤ 3 s; visible to a poll every ${POLL_MS} ms)`,
);
console.log(
  `   lateness of the recorded breach (occurred_at − deadline): p50 ${ms(percentile(decided, 0.5))}, ` +
    `p95 ${ms(percentile(decided, 0.95))}, p99 ${ms(percentile(decided, 0.99))}, max ${ms(decided.at(-1) ?? Number.NaN)}; ` +
    `visible after commit: p50 ${ms(visibleBy(0.5))}, p95 ${ms(visibleBy(0.95))}, p99 ${ms(visibleBy(0.99))} ` +
    `(target p99 ≤ 250 ms)`,
);
console.log(
  `   early: ${check!.early} breaches before their deadline, ${check!.early_any} events before the timers' due time ` +
    `(target 0); breaches twice for one deadline: ${check!.double}; deadlines not at t0: ${check!.not_t0}`,
);
console.log(
  `   intake p99 ${baseline.latency.p99} ms without the storm (${Math.round(baseline.requests.average)} req/s, ` +
    `${baseline.non2xx} non-2xx), ${stormIntake.latency.p99} ms during it (${Math.round(stormIntake.requests.average)} req/s, ` +
    `${stormIntake.non2xx} non-2xx) (target: at most doubled)`,
);
const cpuSpent = (name: string) =>
  Math.round(((cpuDuring.get(name) ?? 0) - (cpuBefore.get(name) ?? 0)) * 10);
console.log(
  `   CPU from a second before the storm until all were recorded: ` +
    [...cpuDuring.keys()].map((k) => `${k} ${cpuSpent(k)} ms`).join(', '),
);

// ---- B2. steady deadlines: lateness when they do not come all at once ----------------------
// BENCH_STEADY cases whose deadlines fall at random instants over STEADY_S seconds, with the
// background timers still in Redis: the lateness of each recorded breach.
const STEADY = Number(process.env.BENCH_STEADY ?? 1000);
const STEADY_S = 10;
const t1 = Date.now() + 20_000;
const steadyDue = Array.from(
  { length: STEADY },
  () => t1 + Math.floor(Math.random() * STEADY_S * 1000),
);
const steadyIds = (
  await db.db.execute<{ id: string }>(sql`
    with v as (
      select i, due from unnest(${`{${steadyDue.map((d) => new Date(d).toISOString()).join(',')}}`}::timestamptz[])
        with ordinality as v(due, i)),
    ins as (
      insert into cases (tracking_code, type, channel, status, category_id, text, version,
                         received_at, updated_at, unit_id, deadline_generation, sla_timers)
      select 'syn-t' || i, 'feedback', 'web', 'in_progress',
             (select id from categories where code = 'xay-dung'), 'Phản ánh mẫu', 2,
             due - interval '1 hour', due - interval '1 hour', ${province.triageUnitId}::uuid, 2,
             jsonb_build_array(jsonb_build_object('kind', 'due:resolution',
               'at', to_char(due at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
      from v returning id, category_id, received_at),
    ev as (
      insert into case_events (case_id, version, type, payload, actor_kind, actor_process, occurred_at)
      select id, 1, 'received', jsonb_build_object('caseType', 'feedback', 'channel', 'web',
               'categoryId', category_id, 'hotlineId', null, 'communeUnitId', null, 'priority', 'normal'),
             'citizen', null, received_at from ins
      union all
      select id, 2, 'routed', jsonb_build_object('unitId', ${province.triageUnitId}::text,
               'reason', 'triage_fallback'), 'system', 'worker:routing', received_at from ins)
    select id from ins`)
).map((r) => r.id);
const steadyRows = await db.db.execute<{ id: string; sla_timers: { kind: string; at: string }[] }>(
  sql`select id, sla_timers from cases where tracking_code like 'syn-t%'`,
);
const steadyJobs = slaTimerJobs(
  steadyRows.map((r) => ({ caseId: r.id, generation: 2, timers: r.sla_timers })),
  new Date(),
);
await publishAll(publisher, steadyJobs);
const steadyDeadline = t1 + STEADY_S * 1000 + 60_000;
for (;;) {
  const [row] = await db.db.execute<{ n: number }>(sql`
    select count(*)::int as n from case_events e join cases c on c.id = e.case_id
    where e.type = 'sla_breached' and c.tracking_code like 'syn-t%'`);
  if (row!.n >= steadyIds.length || Date.now() > steadyDeadline) break;
  await sleep(200);
}
const steadyLate = (
  await db.db.execute<{ late: number }>(sql`
    select extract(epoch from e.occurred_at - (e.payload->>'dueAt')::timestamptz) * 1000 as late
    from case_events e join cases c on c.id = e.case_id
    where e.type = 'sla_breached' and c.tracking_code like 'syn-t%' order by 1`)
).map((r) => Number(r.late));
console.log(
  `B2. ${STEADY.toLocaleString('en')} deadlines at random instants over ${STEADY_S} s (${steadyJobs.length} jobs), ` +
    `${N.toLocaleString('en')} timers in the background: ${steadyLate.length.toLocaleString('en')} recorded; lateness ` +
    `p50 ${ms(percentile(steadyLate, 0.5))}, p99 ${ms(percentile(steadyLate, 0.99))}, max ${ms(steadyLate.at(-1) ?? Number.NaN)}, ` +
    `early ${steadyLate.filter((l) => l < 0).length} (target p99 ≤ 250 ms)`,
);
const serverExit = new Promise((r) => server.once('exit', r));
server.send({ kind: 'stop' });
await serverExit;
for (const w of workers) w.kill('SIGTERM');
await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));
await deleteRedisPrefix(prefix);

// ---- C. rebuild from Postgres ---------------------------------------------------------------
const cases = Math.ceil(N / 5);
started = performance.now();
await db.db.execute(sql`
  insert into cases (tracking_code, type, channel, status, category_id, text, version, received_at,
                     updated_at, deadline_generation, sla_timers)
  select 'syn-b' || i, 'feedback', 'web', 'in_progress',
         (select id from categories limit 1), 'Phản ánh mẫu', 4, now(), now(), 3,
         (select jsonb_agg(jsonb_build_object('kind', k, 'at', to_char((now() + make_interval(secs => 60 + ((i * 37 + d * 613) % 3300))) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
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
  `   rebuilt the coming hour's timers of all ${first.cases.toLocaleString('en')} open cases (${first.timers.toLocaleString('en')} jobs) ` +
    `in ${rebuildSeconds.toFixed(1)} s = ${Math.round(first.cases / rebuildSeconds).toLocaleString('en')} cases/s; ` +
    `again: ${second.timers.toLocaleString('en')} offered, delayed jobs ${afterFirst.delayed} → ${afterSecond.delayed} (idempotent)`,
);
await slaQueue.close();
await rebuildPublisher.close();
await deleteRedisPrefix(rebuildPrefix);

await publisher.close();
producer.disconnect();
probe.disconnect();
await db.drop();

// `pnpm bench:routing`: cases routed per second by two worker processes, on 127.0.0.1 only.
// BENCH_ROUTED (default 10,000) received cases, each with its outbox row, are written straight
// into a fresh database; two workers relay and route them. Each routing reads the rules, picks
// the unit (and handler), computes the SLA on the unit's calendar, appends the event, stores the
// projection and schedules the case's timers.
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
  ev as (
    insert into case_events (case_id, version, type, payload, actor_kind, occurred_at)
    select id, 1, 'received', jsonb_build_object('caseType', 'feedback', 'channel', 'web', 'categoryId', category_id,
           'hotlineId', null, 'communeUnitId', null, 'priority', 'normal'), 'citizen', now() from ins)
  insert into outbox (queue, job_name, job_id, payload)
  select 'routing', 'route-case', 'route-case-' || id, jsonb_build_object('caseId', id) from ins`;
await intakeSql`vacuum analyze`;
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
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  }),
);
for (;;) {
  const [row] = await db.db.execute<{ n: number }>(
    sql`select count(*)::int as n from case_events where type = 'routed'`,
  );
  if ((row?.n ?? 0) >= ROUTED) break;
  await sleep(500);
}
const [span] = await db.db.execute<{ seconds: number }>(sql`
  select extract(epoch from max(occurred_at) - min(occurred_at))::float as seconds
  from case_events where type = 'routed'`);
console.log(
  `${ROUTED.toLocaleString('en')} cases routed by ${WORKERS} worker processes in ${span!.seconds.toFixed(1)} s = ` +
    `${Math.round(ROUTED / span!.seconds).toLocaleString('en')} cases/s (target ≥ 1,000/s)`,
);
for (const w of workers) w.kill('SIGTERM');
await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));
await deleteRedisPrefix(routingPrefix);
await db.drop();

// `pnpm bench:redis-hung`: how long POST /v1/cases takes while Redis is hung. A private
// redis-server (never the shared one) is paused with CLIENT PAUSE, as in the fault runs, and
// cases are filed one after another (a citizen at a time) and then 10 at a time, with the
// request-path breaker as configured and with the settings from before it (each command
// waiting 2 s, a breaker that never opens). Per-IP limits are off (the load comes from one
// address); the per-phone limit is on, every case from another phone.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { buildApp } from '@hotline/api';
import { createLogger, loadConfigWith } from '@hotline/config';
import { createRedis } from '@hotline/queue';
import { createTestDatabase, freshRedisPrefix, seedSmallProvince } from '@hotline/testing';

const SEQUENTIAL = Number(process.env.BENCH_REQUESTS ?? 200);
const SEQUENTIAL_BEFORE = 15; // 2 s each
const CONCURRENT_SECONDS = 6; // each run of 10 at a time

let sent = 0;
const nextBody = () =>
  JSON.stringify({
    categoryCode: 'moi-truong',
    text: 'Nước thải chảy ra kênh thủy lợi, đề nghị kiểm tra.',
    citizen: { phone: `098${String(sent++ % 10_000_000).padStart(7, '0')}` },
  });

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function startRedisServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const probe = createRedis(url, 'worker');
  probe.on('error', () => {});
  try {
    await probe.ping();
  } finally {
    probe.disconnect();
  }
  return { url, child };
}

const pct = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const summary = (times: number[]) => {
  const s = [...times].sort((a, b) => a - b);
  return `p50 ${pct(s, 0.5).toFixed(1)} ms, p99 ${pct(s, 0.99).toFixed(1)} ms, max ${(s.at(-1) ?? 0).toFixed(1)} ms (n=${s.length})`;
};

async function post(url: string): Promise<[number, number]> {
  const start = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: nextBody(),
  });
  await res.arrayBuffer();
  return [res.status, performance.now() - start];
}

const tenAtATime = (url: string) =>
  autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: nextBody() }) }],
    connections: 10,
    duration: CONCURRENT_SECONDS,
  });
const tenLine = (r: autocannon.Result) =>
  `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.requests.total} requests, 2xx ${r['2xx']}, non-2xx ${r.non2xx}`;

const database = await createTestDatabase('bench_redis_hung');
await seedSmallProvince(database.db);
console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? ''}; node ${process.version}`);

const modes: [string, Record<string, string>, number][] = [
  [
    'before (2 s timeout, no breaker)',
    {
      REDIS_REQUEST_TIMEOUT_MS: '2000',
      REDIS_BREAKER_FAILURES: '1000000',
    },
    SEQUENTIAL_BEFORE,
  ],
  ['after (defaults)', {}, SEQUENTIAL],
];
for (const [label, env, sequential] of modes) {
  const server = await startRedisServer();
  const config = loadConfigWith({
    DATABASE_URL: database.url,
    REDIS_URL: server.url,
    REDIS_PREFIX: freshRedisPrefix(),
    LOG_LEVEL: 'error',
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_READS_PER_MINUTE: '0',
    ...env,
  });
  const redis = createRedis(config.redisUrl, 'probe');
  redis.on('error', () => {});
  const app = await buildApp({
    config,
    db: database.db,
    sql: database.raw,
    redis,
    logger: createLogger(config),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/v1/cases`;

  const healthy: number[] = [];
  for (let i = 0; i < 50; i++) healthy.push((await post(url))[1]);
  const healthyConcurrent = await tenAtATime(url);
  const admin = createRedis(server.url, 'worker');
  // Long enough for the whole measurement; the server is killed afterwards.
  await admin.call('client', 'pause', '600000', 'ALL');

  const hung: number[] = [];
  const statuses = new Map<number, number>();
  for (let i = 0; i < sequential; i++) {
    const [status, ms] = await post(url);
    hung.push(ms);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  const concurrent = await tenAtATime(url);
  const stats = app.redisBreaker.stats();

  console.log(`\n${label}`);
  console.log(`  Redis answering, one at a time:  ${summary(healthy.slice(10))}`);
  console.log(
    `  Redis hung, one at a time:       ${summary(hung)}; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  console.log(`  Redis answering, 10 at a time:   ${tenLine(healthyConcurrent)}`);
  console.log(`  Redis hung, 10 at a time:        ${tenLine(concurrent)}`);
  console.log(
    `  breaker: ${stats.state}, opened ${stats.openings}×, ${stats.failed} commands waited for their timeout, ${stats.refused} refused at once`,
  );

  await app.close();
  redis.disconnect();
  admin.disconnect();
  server.child.kill('SIGKILL');
}
await database.drop();

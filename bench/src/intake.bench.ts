// `pnpm bench`: intake throughput against its own limit. A bare Fastify route doing one INSERT
// through the same pool vs POST /v1/cases, interleaved rounds on 127.0.0.1, median of each;
// then p99 at a fixed 1,000 req/s and CPU-ms per request (API process + Postgres backends).
import { ask } from './cpu-split.js';
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { createTestDatabase, seedSmallProvince } from '@hotline/testing';

const ROUNDS = 5;
const ROUND_SECONDS = 5;
const CONNECTIONS = 10;

// Each request from another phone: the same text from the same phone within a day is linked
// to the first case (no insert), which would measure the duplicate lookup instead of intake.
let sent = 0;
const nextBody = () =>
  JSON.stringify({
    categoryCode: 'moi-truong',
    text: 'Bãi rác tự phát bốc mùi cạnh trường tiểu học, đề nghị chính quyền xử lý sớm.',
    communeCode: 'xa-a1',
    address: 'Tổ dân phố 5',
    citizen: { name: 'Nguyễn Văn A', phone: `091${String(sent++ % 10_000_000).padStart(7, '0')}` },
  });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

function run(url: string, opts: Partial<autocannon.Options> = {}): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: nextBody() }) }],
    connections: CONNECTIONS,
    pipelining: 1,
    duration: ROUND_SECONDS,
    ...opts,
  });
}

/** CPU ticks (user + system) of the Postgres backends serving the benchmark's pool, in ms. */
async function postgresCpuMs(sql: postgres.Sql): Promise<number> {
  const rows = await sql`select pid from pg_stat_activity where application_name = 'hotline-bench'`;
  const hz = 100; // USER_HZ on Linux
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid as number}/stat`, 'utf8')
        .split(') ')[1]!
        .split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // Backend gone or not on this machine.
    }
  }
  return (ticks * 1000) / hz;
}

const testDb = await createTestDatabase('bench');
await seedSmallProvince(testDb.db);
const admin = postgres(testDb.url, { max: 1, onnotice: () => {} });

const child = fork(fileURLToPath(new URL('./bench-server.ts', import.meta.url)), [testDb.url], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const { realPort, barePort } = await ask<{ realPort: number; barePort: number }>(child, 'ready');
const realUrl = `http://127.0.0.1:${realPort}/v1/cases`;
const bareUrl = `http://127.0.0.1:${barePort}/bare`;

console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? ''}; node ${process.version}`);
console.log(`warm-up…`);
await run(bareUrl, { duration: 2 });
await run(realUrl, { duration: 2 });

const bareRps: number[] = [];
const realRps: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const b = await run(bareUrl);
  const r = await run(realUrl);
  if (b.non2xx || r.non2xx)
    throw new Error(`non-2xx responses: bare ${b.non2xx}, real ${r.non2xx}`);
  bareRps.push(b.requests.average);
  realRps.push(r.requests.average);
  console.log(
    `round ${i + 1}: bare ${b.requests.average.toFixed(0)} req/s, intake ${r.requests.average.toFixed(0)} req/s`,
  );
}
const bare = median(bareRps);
const real = median(realRps);

/** Latency at a fixed 1,000 req/s for 10 s, and CPU-ms per request (API process + Postgres). */
async function fixedRate(url: string) {
  const cpu = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
  const apiBefore = await ask<{ usage: NodeJS.CpuUsage }>(child, 'cpu');
  const pgBefore = await postgresCpuMs(admin);
  const result = await run(url, { overallRate: 1000, duration: 10, connections: 20 });
  const apiAfter = await ask<{ usage: NodeJS.CpuUsage }>(child, 'cpu');
  const pgAfter = await postgresCpuMs(admin);
  const served = result.requests.total;
  return {
    result,
    served,
    apiMs: (cpu(apiAfter.usage) - cpu(apiBefore.usage)) / served,
    pgMs: (pgAfter - pgBefore) / served,
  };
}

/** Median latency of sequential requests, one at a time (what one citizen sees). */
async function sequentialMedianMs(url: string, count: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: nextBody(),
    });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`status ${res.status}`);
    times.push(performance.now() - t0);
  }
  return median(times);
}

const fixedBare = await fixedRate(bareUrl);
const fixedIntake = await fixedRate(realUrl);
const sequential = await sequentialMedianMs(realUrl, 1000);

console.log('');
console.log(`bare INSERT route (median of ${ROUNDS}): ${bare.toFixed(0)} req/s`);
console.log(`POST /v1/cases    (median of ${ROUNDS}): ${real.toFixed(0)} req/s`);
console.log(`ratio intake / bare: ${(real / bare).toFixed(2)} (target ≥ 0.75)`);
for (const [name, f] of [
  ['bare  ', fixedBare],
  ['intake', fixedIntake],
] as const) {
  const { latency, non2xx } = f.result;
  console.log(
    `${name} at 1,000 req/s for 10 s: ${f.served} requests, ${non2xx} non-2xx, ` +
      `p50 ${latency.p50} ms, p99 ${latency.p99} ms; CPU per request: API ${f.apiMs.toFixed(3)} ms ` +
      `+ Postgres ${f.pgMs.toFixed(3)} ms = ${(f.apiMs + f.pgMs).toFixed(3)} ms`,
  );
}
console.log('(target for intake: p99 ≤ 20 ms)');
console.log(`intake, 1,000 sequential POSTs: median ${sequential.toFixed(2)} ms`);

const exited = new Promise((resolve) => child.once('exit', resolve));
child.send({ kind: 'stop' });
await exited;
await admin.end();
await testDb.drop();

// `pnpm bench:restart`: time from a crash of the supervised worker (kill -9) to work resuming,
// on 127.0.0.1 only. The API and the worker run as `npm start` runs them (infra/supervise.mjs);
// each run kills the worker, submits a case at once and waits until it is routed — by the
// worker the supervisor started again. Also shown: when the supervisor started it, and when its
// /readyz answered 200. BENCH_RUNS runs (default 5), each under a fresh supervisor, so each is
// a first crash (1 s back-off); crashes in a row wait 2, 4 … 30 s more, by design.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpus } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  seedSmallProvince,
} from '@hotline/testing';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = fileURLToPath(new URL('../..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const ok = async (url: string) => ((await fetch(url)).ok ? true : undefined);

console.log(`machine: ${cpus().length} cores; node ${process.version}`);
const db = await createTestDatabase('bench_restart');
await seedSmallProvince(db.db);
const prefix = freshRedisPrefix();

interface Run {
  restartedMs: number;
  readyMs: number;
  routedMs: number;
}

async function oneRun(n: number): Promise<Run> {
  const [port, healthPort] = [await freePort(), await freePort()];
  const api = `http://127.0.0.1:${port}`;
  const health = `http://127.0.0.1:${healthPort}`;
  const supervisor: ChildProcess = spawn(
    process.execPath,
    ['infra/supervise.mjs', 'api=services/api/src/server.ts', 'worker=services/worker/src/main.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: db.url,
        REDIS_PREFIX: prefix,
        PORT: String(port),
        WORKER_HEALTH_PORT: String(healthPort),
        LOG_LEVEL: 'warn',
        LOG_PRETTY: 'false',
        PHONE_CASE_LIMIT: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const events: Array<{ at: number; line: string }> = [];
  supervisor.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    for (const line of d.toString().split('\n'))
      if (line) events.push({ at: performance.now(), line });
  });
  const workerPids = () =>
    [...out.matchAll(/worker started \(pid (\d+)\)/g)].map((m) => Number(m[1]));
  try {
    await until('API ready', () => ok(`${api}/readyz`));
    await until('worker ready', () => ok(`${health}/readyz`));
    const [pid] = workerPids();

    const killedAt = performance.now();
    process.kill(pid!, 'SIGKILL');
    const res = await fetch(`${api}/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        categoryCode: 'moi-truong',
        text: `Lần đo ${n}: cống thoát nước bị tắc sau khi worker dừng.`,
        citizen: { name: 'Người Đo', phone: '0912345678' },
      }),
    });
    if (res.status !== 201) throw new Error(`submission answered ${res.status}`);
    const { trackingCode } = (await res.json()) as { trackingCode: string };
    // The old worker's /readyz is gone with it; the new one answers on the same port.
    const [readyAt, routedAt] = await Promise.all([
      until('new worker ready', async () => {
        if (workerPids().length < 2) return undefined;
        return (await ok(`${health}/readyz`)) ? performance.now() : undefined;
      }),
      until('case routed', async () => {
        const r = await fetch(`${api}/v1/cases/${trackingCode}`);
        const body = (await r.json()) as { unit?: unknown };
        return body.unit ? performance.now() : undefined;
      }),
    ]);
    const restarted = events.find((e) => e.at > killedAt && /worker started/.test(e.line));
    return {
      restartedMs: (restarted?.at ?? NaN) - killedAt,
      readyMs: readyAt - killedAt,
      routedMs: routedAt - killedAt,
    };
  } finally {
    supervisor.kill('SIGTERM');
    await once(supervisor, 'exit');
  }
}

const runs: Run[] = [];
try {
  for (let n = 1; n <= RUNS; n++) {
    const run = await oneRun(n);
    runs.push(run);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `run ${n}: worker started again after ${s(run.restartedMs)}, ready after ${s(run.readyMs)}, ` +
        `case routed after ${s(run.routedMs)}`,
    );
  }
} finally {
  await db.drop();
  await deleteRedisPrefix(prefix);
}
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const routed = runs.map((r) => r.routedMs);
console.log(
  `kill -9 of the supervised worker → a case submitted right after it routed: ` +
    `median ${(median(routed) / 1000).toFixed(2)} s, max ${(Math.max(...routed) / 1000).toFixed(2)} s ` +
    `over ${runs.length} runs (target under 10 s); worker ready again: median ` +
    `${(median(runs.map((r) => r.readyMs)) / 1000).toFixed(2)} s`,
);

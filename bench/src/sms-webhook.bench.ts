// `pnpm bench:sms`: the Twilio inbound-SMS webhook with signatures on, served by 2 API processes
// (bench-server.ts forked twice, one pool each) on 127.0.0.1. Every request has its own
// MessageSid and From number. Reports the maximum messages/s (both processes loaded at once),
// p50/p99 at a fixed 500 messages/s, then counts inbound_messages and cases in Postgres to show
// that every 200 answer was stored. Targets: ≥ 1,500 msg/s; p99 < 50 ms at 500/s.
import { fork, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { createTestDatabase, seedSmallProvince } from '@hotline/testing';
import { startCpuSplit } from './cpu-split.js';

const PATH = '/webhooks/sms/twilio';
// bench-server loads the development config: its token, and PUBLIC_BASE_URL from HOST:PORT.
const AUTH_TOKEN = 'dev-twilio-auth-token';
const SIGNED_URL = `http://127.0.0.1:3000${PATH}`;
const MAX_SECONDS = 10;
const FIXED_SECONDS = 10;

const testDb = await createTestDatabase('bench_sms');
const province = await seedSmallProvince(testDb.db);
const admin = postgres(testDb.url, { max: 1, onnotice: () => {} });

/** Twilio's signature (HMAC-SHA1 over URL + sorted name/value pairs, base64). */
const sign = (params: Record<string, string>) =>
  createHmac('sha1', AUTH_TOKEN)
    .update(
      Object.keys(params)
        .sort()
        .reduce((acc, k) => acc + k + params[k], SIGNED_URL),
    )
    .digest('base64');

let seq = 0;
/** A fresh, signed, Twilio-shaped SMS: its own MessageSid and sender. */
function nextSms() {
  const n = seq++;
  const params = {
    MessageSid: `SM${n.toString(16).padStart(32, '0')}`,
    AccountSid: 'AC00000000000000000000000000000000',
    From: `+8491${String(n % 10_000_000).padStart(7, '0')}`,
    To: province.hotlineNumber,
    Body: `Phản ánh số ${n}: đèn đường hỏng, rác thải ùn ứ ở tổ dân phố.`,
    NumMedia: '0',
  };
  return {
    sid: params.MessageSid,
    body: new URLSearchParams(params).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': sign(params),
    },
  };
}

function start(): { child: ChildProcess; ready: Promise<number> } {
  const child = fork(fileURLToPath(new URL('./bench-server.ts', import.meta.url)), [testDb.url], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_READS_PER_MINUTE: '0' },
  });
  const ready = new Promise<number>((resolve) => {
    child.once('message', (m: { realPort: number }) => resolve(m.realPort));
  });
  child.send({ kind: 'ready' });
  return { child, ready };
}

/** CPU per message: the API processes, and Postgres and Redis (the machine's rest). */
const cpuLine = (c: { apiMs: number; restMs: number }) =>
  `CPU per message: API ${c.apiMs.toFixed(3)} ms + Postgres and Redis ${c.restMs.toFixed(3)} ms = ${(c.apiMs + c.restMs).toFixed(3)} ms`;

const servers = [start(), start()];
const ports = await Promise.all(servers.map((s) => s.ready));

/** MessageSids answered 200: each must be stored. */
const okSids: string[] = [];
function load(port: number, opts: Partial<autocannon.Options>) {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 20,
    pipelining: 1,
    requests: [
      {
        method: 'POST',
        path: PATH,
        setupRequest: (req, context: { sid?: string }) => {
          const next = nextSms();
          context.sid = next.sid;
          return { ...req, body: next.body, headers: next.headers };
        },
        onResponse: (status, _body, context: { sid?: string }) => {
          if (status === 200 && context.sid) okSids.push(context.sid);
        },
      },
    ],
    ...opts,
  });
}
const both = (opts: Partial<autocannon.Options>) => Promise.all(ports.map((p) => load(p, opts)));

console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? ''}; node ${process.version}`);
console.log('warm-up…');
await both({ duration: 2, connections: 10 });

const children = servers.map((x) => x.child);
const maxCpu = await startCpuSplit(children);
const max = await both({ duration: MAX_SECONDS, connections: 32 });
const maxSplit = await maxCpu(max.reduce((s, r) => s + r.requests.total, 0));
const maxRate = max.reduce((s, r) => s + r.requests.average, 0);
const maxErrors = max.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0);

const fixedCpu = await startCpuSplit(children);
const fixed = await both({ duration: FIXED_SECONDS, overallRate: 250, connections: 20 });
const fixedSplit = await fixedCpu(fixed.reduce((s, r) => s + r.requests.total, 0));
const fixedErrors = fixed.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0);

const exited = Promise.all(servers.map((s) => new Promise((r) => s.child.once('exit', r))));
for (const s of servers) s.child.send({ kind: 'stop' });
await exited;

const [stored] = await admin<{ messages: number; cases: number; answered: number }[]>`
  select (select count(*)::int from inbound_messages) as messages,
         (select count(*)::int from cases) as cases,
         (select count(*)::int from inbound_messages im join cases c on c.id = im.case_id
           where im.provider_message_id = any(${okSids}::text[])) as answered`;

console.log('');
console.log(
  `max: ${maxRate.toFixed(0)} messages/s over ${MAX_SECONDS} s with 2 API processes ` +
    `(${maxErrors} non-2xx/errors) — target ≥ 1,500; ${cpuLine(maxSplit)}`,
);
fixed.forEach((r, i) => {
  console.log(
    `fixed 500 msg/s (250 per process), process ${i + 1}: ${r.requests.total} requests, ` +
      `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`,
  );
});
console.log(
  `fixed-rate non-2xx/errors: ${fixedErrors} — target p99 < 50 ms; ${cpuLine(fixedSplit)}`,
);
// Requests still in flight when a phase ends are stored but their answers are not awaited.
console.log(
  `stored: ${stored!.messages} inbound_messages, ${stored!.cases} cases; ` +
    `200 answers: ${okSids.length}, of which stored with their case: ${stored!.answered} ` +
    (stored!.answered === okSids.length ? '✓ every 200 is stored' : '✗ MISSING'),
);

await admin.end();
await testDb.drop();

// Runs the services and starts again any that exits, with back-off, saying so in the log:
//
//   node infra/supervise.mjs api=services/api/src/server.ts worker=services/worker/src/main.ts
//
// Each NAME=ENTRY is a Node entry point (`.ts` runs through tsx). A service that exits — a
// crash, kill -9, an uncaught error — is started again after 1 s, then 2, 4 … up to 30 s while
// it keeps dying young; a run of a minute or more starts the count over. SIGINT, SIGTERM or
// SIGHUP stops every service (SIGTERM, then SIGKILL after 20 s) and starts none again; the exit
// code is 0 when they all stopped cleanly.
//
// Our own, not a library: concurrently's `--restart-after exponential` waits 2^N s with no cap
// and never forgets a crash (the tenth of a month waits 17 minutes), and logs only "restarted";
// pm2 is a daemon with its own state and an AGPL licence; forever-monitor has no growing delay.
// Under an orchestrator (systemd, Kubernetes) each service can run alone instead; this is what
// `npm start` and `pnpm start:production` use.
import { spawn } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';

const FIRST_DELAY_MS = 1000;
const LONGEST_DELAY_MS = 30_000;
/** A run this long shows the service healthy again: the next crash waits FIRST_DELAY_MS. */
const STABLE_AFTER_MS = 60_000;
const STOP_GRACE_MS = 20_000;

const pretty = process.env.LOG_PRETTY === 'true';

/** One line in the services' format: pino's JSON, or text beside the pretty-printed logs. */
function log(level, msg, fields = {}) {
  if (pretty) {
    process.stdout.write(`[supervisor] ${msg}\n`);
  } else {
    const line = { level: level === 'warn' ? 40 : level === 'error' ? 50 : 30, time: Date.now() };
    process.stdout.write(`${JSON.stringify({ ...line, service: 'supervisor', ...fields, msg })}\n`);
  }
}

const seconds = (ms) => `${Math.round(ms / 100) / 10} s`;

function parseServices(args) {
  const services = args.map((arg) => {
    const match = /^([a-z][a-z0-9-]*)=(.+)$/i.exec(arg);
    if (!match) throw new Error(`expected NAME=ENTRY, got "${arg}"`);
    return { name: match[1], entry: match[2] };
  });
  if (services.length === 0) throw new Error('no service to run');
  return services;
}

let services;
try {
  services = parseServices(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${err.message}\nUsage: node infra/supervise.mjs NAME=ENTRY …\n`);
  process.exit(2);
}

// Colours for the name before each line, as concurrently gave them (pretty logs only).
const COLOURS = [36, 35, 33, 32, 34];
const childEnv = {
  ...process.env,
  ...(pretty && process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}),
};

let stopping = false;
let failedStop = false;
const running = services.map((service, index) => ({
  ...service,
  colour: COLOURS[index % COLOURS.length],
  child: undefined,
  startedAt: 0,
  restarts: 0,
  nextDelayMs: FIRST_DELAY_MS,
  timer: undefined,
}));

/** Prefixes each line with the service's name (pretty logs are read by people, side by side). */
function prefixLines(stream, out, s) {
  const label = process.stdout.isTTY ? `\x1b[${s.colour}m[${s.name}]\x1b[0m ` : `[${s.name}] `;
  let rest = '';
  stream.on('data', (chunk) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop();
    for (const line of lines) out.write(`${label}${line}\n`);
  });
  stream.on('end', () => rest && out.write(`${label}${rest}\n`));
}

function start(s) {
  const args = s.entry.endsWith('.ts') ? ['--import', 'tsx', s.entry] : [s.entry];
  // Its own process group: a Ctrl-C reaches only this supervisor, which stops each service once
  // (a second signal would make a service give up its graceful close).
  const child = spawn(process.execPath, args, {
    env: childEnv,
    detached: true,
    stdio: ['ignore', pretty ? 'pipe' : 'inherit', pretty ? 'pipe' : 'inherit'],
  });
  if (pretty) {
    prefixLines(child.stdout, process.stdout, s);
    prefixLines(child.stderr, process.stderr, s);
  }
  s.child = child;
  s.startedAt = Date.now();
  log('info', `${s.name} started (pid ${child.pid})`, { child: s.name, pid: child.pid });
  child.on('error', (err) => log('error', `${s.name} could not start: ${err.message}`));
  child.on('exit', (code, signal) => onExit(s, code, signal));
}

function onExit(s, code, signal) {
  s.child = undefined;
  const how = signal ? `with signal ${signal}` : `with code ${code}`;
  if (stopping) {
    if (code !== 0) failedStop = true;
    log(code === 0 ? 'info' : 'warn', `${s.name} stopped ${how}`, { child: s.name, code, signal });
    if (running.every((r) => !r.child)) finish();
    return;
  }
  const ranMs = Date.now() - s.startedAt;
  if (ranMs >= STABLE_AFTER_MS) s.nextDelayMs = FIRST_DELAY_MS;
  const delayMs = s.nextDelayMs;
  s.nextDelayMs = Math.min(delayMs * 2, LONGEST_DELAY_MS);
  s.restarts += 1;
  log(
    'warn',
    `${s.name} exited ${how}; restarting in ${seconds(delayMs)} (restart ${s.restarts})`,
    { child: s.name, code, signal, ranMs, delayMs, restart: s.restarts },
  );
  s.timer = setTimeout(() => {
    s.timer = undefined;
    if (!stopping) start(s);
  }, delayMs);
}

function finish() {
  log('info', failedStop ? 'stopped, not all cleanly' : 'stopped');
  process.exit(failedStop ? 1 : 0);
}

function stop(signal) {
  if (stopping) return; // Under `npm start` a Ctrl-C arrives twice: from the terminal and npm.
  stopping = true;
  const live = running.filter((s) => s.child);
  for (const s of running) clearTimeout(s.timer);
  log('info', `${signal}: stopping ${running.map((s) => s.name).join(' and ')}`);
  if (live.length === 0) finish();
  for (const s of live) signalGroup(s.child, 'SIGTERM');
  setTimeout(() => {
    for (const s of running.filter((r) => r.child)) {
      log('error', `${s.name} did not stop within ${seconds(STOP_GRACE_MS)}; killing it`);
      signalGroup(s.child, 'SIGKILL');
    }
  }, STOP_GRACE_MS).unref();
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
for (const s of running) start(s);

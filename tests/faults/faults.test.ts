import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIMER_HORIZON_MS } from '@hotline/core';
import { redisServerPath } from '@hotline/testing';
import { audit, routedSince, systemState, type AuditCounts, type AuditResult } from './auditor.js';
import { faultCatalogue, sleep, type Fault, type FaultName } from './fault-catalogue.js';
import { settings } from './fault-settings.js';
import { formatFaultTable, type FaultRow } from './fault-table.js';
import { LOAD_CATEGORIES, startHarness, type Harness, type HarnessOptions } from './harness.js';
import { answerP99, errorsSeen, LoadGenerator, requestsIn } from './load.js';

/**
 * Faults that cannot pass until a fix is merged, with the fix they wait for. They are skipped
 * (and shown as such in the table), never counted as passed. Remove a line once its fix is on
 * main; FAULTS_ALL=1 runs every fault whatever this list says.
 */
const AWAITING: Partial<Record<FaultName, string>> = {};

/** Features the suite checks more strictly, or uses, once they are merged. */
const FEATURES: { idempotencyKeys: boolean; workerReadyz: HarnessOptions['workerReadyz'] } = {
  /** POST /v1/cases honours Idempotency-Key: one case per key, whatever its attempts met. */
  idempotencyKeys: true,
  /** The worker's own /readyz (its port's variable and path); null: "its process runs". */
  workerReadyz: { portVariable: 'WORKER_HEALTH_PORT', path: '/readyz' },
};

// eslint-disable-next-line no-restricted-properties
const runAll = process.env.FAULTS_ALL === '1';

/** The last output of both services, in files named in the failure, for a fault that failed. */
async function keepLogs(h: Harness, fault: string) {
  const dir = join(tmpdir(), `hotline-faults-${process.pid}`);
  await mkdir(dir, { recursive: true });
  const name = fault.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const files = [];
  for (const s of [h.api, h.worker]) {
    const file = join(dir, `${name}.${s.name}.log`);
    await writeFile(file, s.output());
    files.push(file);
  }
  return files.join(', ');
}
const hasRedisServer = redisServerPath() !== null;
/** The table's rows by fault, printed in the catalogue's order. */
const rows = new Map<string, FaultRow>();
const catalogue = faultCatalogue();
const table = () =>
  formatFaultTable(catalogue.flatMap((f) => (rows.has(f.name) ? [rows.get(f.name)!] : [])));
const notes: string[] = [];

describe.skipIf(!hasRedisServer)('fault suite: the system keeps its promises under faults', () => {
  let h: Harness;
  let load: LoadGenerator;
  /** Violations already blamed on an earlier fault (or the warm-up). */
  const known = new Set<string>();

  const runAudit = () =>
    audit({
      sql: h.database.raw,
      redis: h.redisClient,
      prefix: h.prefix,
      requests: load.requests,
      idempotencyKeys: FEATURES.idempotencyKeys,
      smsDeliveries: h.gateway.deliveries,
      firingGraceMs: settings.firingGraceMs,
      drainWithinMs: settings.drainWithinMs,
      // A timer entering the hour is added by the next pass (each looks a minute back).
      queuedWithinMs: TIMER_HORIZON_MS - settings.reconcileEveryMs - 60_000,
    });
  const fresh = (a: AuditResult) => {
    const counts: AuditCounts = { intake: 0, timers: 0, duplicates: 0, early: 0 };
    const what: string[] = [];
    for (const [key, v] of a.violations) {
      if (known.has(key)) continue;
      counts[v.invariant]++;
      if (what.length < 8) what.push(`${v.invariant}: ${v.what}`);
    }
    return { counts, what };
  };

  beforeAll(async () => {
    h = await startHarness({ workerReadyz: FEATURES.workerReadyz });
    load = new LoadGenerator({
      baseUrl: () => h.baseUrl,
      casesPerSecond: settings.casesPerSecond,
      maxInFlight: settings.maxInFlight,
      attemptTimeoutMs: settings.attemptTimeoutMs,
      retryForMs: settings.retryForMs,
      categories: LOAD_CATEGORIES,
    });
    load.start();
    await sleep(settings.warmUpMs);
  }, 120_000);

  afterAll(async () => {
    await load?.stop();
    console.log(
      `\nFault suite (${settings.isLong ? 'long' : 'short'} mode, ${settings.casesPerSecond} cases/s, ` +
        `faults of ${settings.faultMs / 1000} s):\n${table()}\n` +
        (notes.length > 0 ? `${notes.join('\n')}\n` : '') +
        `SMS resent with the same Idempotency-Key after a lost record (the gateway dropped ` +
        `them): ${h?.gateway.repeats() ?? 0}\n`,
    );
    await h?.close();
  }, 120_000);

  const run = async (fault: Fault) => {
    const exitsBefore = h.api.unexpectedExits.length + h.worker.unexpectedExits.length;
    const started = Date.now();
    await fault.inject(h);
    await sleep(fault.lastsMs());
    await fault.lift(h);
    const lifted = Date.now();

    let recoverSeconds: number | null = null;
    let last: ReturnType<typeof fresh> | null = null;
    const deadline = lifted + settings.recoverWithinMs;
    while (Date.now() < deadline) {
      // A process that died of the fault is a failure; it is restarted, as a supervisor
      // would, so the faults after this one still find a system to break.
      for (const s of [h.api, h.worker]) if (!s.isRunning) s.start();
      // Ready, and at work: a case routed since the fault was lifted (the load keeps coming).
      if ((await h.isReady()) && (await routedSince(h, lifted))) {
        last = fresh(await runAudit());
        // Recovered once nothing is left to wait for; violations that waiting cannot heal
        // (a false answer, a double, an early event) fail the fault, but recovery is still timed.
        if (last.counts.timers === 0) {
          recoverSeconds = (Date.now() - lifted) / 1000;
          break;
        }
      }
      await sleep(500);
    }
    const own = fault.check ? await fault.check(h) : { findings: [] };
    if (own.note) notes.push(`${fault.name}: ${own.note}`);
    const counts = last?.counts ?? null;
    for (const f of own.findings) if (counts) counts[f.invariant]++;
    const exits = [...h.api.unexpectedExits, ...h.worker.unexpectedExits].slice(exitsBefore);
    const problems = [
      ...exits.map(
        (e) => `${e.service} exited by itself (code ${e.code}, signal ${e.signal})\n${e.tail}`,
      ),
      ...(last === null ? ['never ready'] : []),
      ...(last?.what ?? []),
      ...own.findings.map((f) => `${f.invariant}: ${f.what}`),
    ];
    if (recoverSeconds === null) {
      problems.push(
        `did not recover within ${settings.recoverWithinMs / 1000} s: ${await systemState(h)}`,
      );
    }
    if (problems.length > 0) problems.push(`logs: ${await keepLogs(h, fault.name)}`);
    const failure = problems.length > 0 ? problems.join('\n') : null;
    const row: FaultRow = {
      fault: fault.name,
      requests: requestsIn(load.requests, started, Date.now()),
      errors: errorsSeen(load.requests, started, Date.now()),
      answerP99: answerP99(load.requests, started, Date.now()),
      recoverSeconds,
      counts,
      result: failure
        ? `FAIL${exits.length > 0 ? ` (${exits.map((e) => `${e.service} died`).join(', ')})` : ''}`
        : 'pass',
    };
    rows.set(fault.name, row);
    console.log(formatFaultTable([row]));
    // Whatever this fault left behind is its own: the next fault is judged on what is new.
    for (const key of (await runAudit()).violations.keys()) known.add(key);
    return failure;
  };

  it(
    'starts clean: the warm-up load audits clean',
    async () => {
      const deadline = Date.now() + settings.recoverWithinMs;
      let counts: AuditCounts | null = null;
      while (Date.now() < deadline) {
        const a = fresh(await runAudit());
        counts = a.counts;
        if (Object.values(counts).every((n) => n === 0)) break;
        await sleep(500);
      }
      expect(counts).toEqual({ intake: 0, timers: 0, duplicates: 0, early: 0 });
    },
    settings.recoverWithinMs + 30_000,
  );

  for (const fault of catalogue) {
    if (settings.only && !settings.only.includes(fault.name)) continue;
    const awaiting = AWAITING[fault.name];
    const skip = awaiting !== undefined && !runAll;
    it.skipIf(skip)(
      `${fault.name}${awaiting ? ` (awaits ${awaiting})` : ''}: recovers, and the audit is clean`,
      async () => {
        let failure: string | null;
        try {
          failure = await run(fault);
        } catch (err) {
          failure = `the fault could not be run: ${(err as Error).stack ?? String(err)}`;
          rows.set(fault.name, {
            fault: fault.name,
            requests: 0,
            errors: '-',
            answerP99: null,
            recoverSeconds: null,
            counts: null,
            result: 'FAIL (not run to the end)',
          });
        }
        expect(failure).toBeNull();
      },
      settings.recoverWithinMs + settings.faultMs + 120_000,
    );
    if (skip) {
      rows.set(fault.name, {
        fault: fault.name,
        requests: 0,
        errors: '-',
        answerP99: null,
        recoverSeconds: null,
        counts: null,
        result: `skipped: awaits ${awaiting}`,
      });
    }
  }

  it(
    'after the load stops, every request is settled and the whole run audits clean',
    async () => {
      await load.stop();
      const deadline = Date.now() + settings.recoverWithinMs;
      let counts: AuditCounts | null = null;
      while (Date.now() < deadline) {
        const a = fresh(await runAudit());
        counts = a.counts;
        if (Object.values(counts).every((n) => n === 0)) break;
        await sleep(500);
      }
      console.log(
        `load: ${load.requests.length} requests, ${load.requests.filter((r) => r.code).length} answered with a case, ` +
          `${load.skipped} ticks skipped at ${settings.maxInFlight} in flight`,
      );
      expect(counts).toEqual({ intake: 0, timers: 0, duplicates: 0, early: 0 });
    },
    settings.recoverWithinMs + settings.retryForMs + 30_000,
  );
});

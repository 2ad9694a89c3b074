import type { Logger } from '@hotline/config';
import { pingDatabase, type Database } from '@hotline/db';
import type { Worker } from 'bullmq';

export type CheckState = 'up' | 'down';

/** What /readyz answers: each dependency, and whether the queue workers are running. */
export interface Readiness {
  status: CheckState;
  checks: { postgres: CheckState; redis: CheckState; workers: CheckState };
}

export interface DependencyWatch {
  /** Probes now (short timeouts) and returns the result. */
  check(): Promise<Readiness>;
  stop(): void;
}

// Short: a probe answers a load balancer or an orchestrator, which has timeouts of its own (the
// API's /readyz allows the same).
const PROBE_TIMEOUT_MS = 2000;
/** Connections still being opened at start are not an outage (/readyz says 503 meanwhile). */
const STARTUP_GRACE_MS = 5000;

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const NAMES = { postgres: 'Postgres', redis: 'Redis' } as const;

/**
 * Probes Postgres and Redis every `everyMs`, and on each readiness request. While one is
 * unreachable the rest of the worker keeps retrying on its own (the outbox relay backs off,
 * BullMQ reconnects, jobs are put back); this only says so, once when an outage starts and once
 * when it ends, so that an outage of an hour is two log lines, not thousands.
 */
export function watchDependencies(deps: {
  /** A connection of its own: a pool busy with jobs must not read as Postgres being down. */
  db: Database;
  /** A fail-fast connection: a command while disconnected is refused at once. */
  redis: { ping(): Promise<unknown> };
  workers: () => readonly Worker[];
  log: Logger;
  everyMs: number;
}): DependencyWatch {
  const { log } = deps;
  const startedAt = Date.now();
  const everUp = { postgres: false, redis: false };
  /** An outage announced and not yet over. */
  const down = { postgres: false, redis: false };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  function note(name: keyof typeof down, ok: boolean, reason: unknown) {
    if (ok) {
      if (down[name]) log.info({ dependency: name }, `${NAMES[name]} reachable again`);
      down[name] = false;
      everUp[name] = true;
    } else if (!down[name] && (everUp[name] || Date.now() - startedAt > STARTUP_GRACE_MS)) {
      // Drizzle's message is the query; the reason is in its cause.
      const err =
        reason instanceof Error ? ((reason.cause as Error)?.message ?? reason.message) : undefined;
      log.warn({ dependency: name, err }, `${NAMES[name]} unreachable; retrying`);
      down[name] = true;
    }
  }

  async function check(): Promise<Readiness> {
    const [pg, redis] = await Promise.allSettled([
      within(pingDatabase(deps.db), PROBE_TIMEOUT_MS),
      within(deps.redis.ping(), PROBE_TIMEOUT_MS),
    ]);
    note('postgres', pg.status === 'fulfilled', pg.status === 'rejected' && pg.reason);
    note('redis', redis.status === 'fulfilled', redis.status === 'rejected' && redis.reason);
    const workers = deps.workers();
    const checks = {
      postgres: pg.status === 'fulfilled' ? 'up' : 'down',
      redis: redis.status === 'fulfilled' ? 'up' : 'down',
      workers: workers.length > 0 && workers.every((w) => w.isRunning()) ? 'up' : 'down',
    } satisfies Readiness['checks'];
    const ok = Object.values(checks).every((c) => c === 'up');
    return { status: ok ? 'up' : 'down', checks };
  }

  const tick = async () => {
    await check();
    if (!stopped) timer = setTimeout(() => void tick(), deps.everyMs);
  };
  timer = setTimeout(() => void tick(), deps.everyMs);
  return {
    check,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

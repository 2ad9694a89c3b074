import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  seedSmallProvince,
  waitFor,
  type TestDatabase,
} from '@hotline/testing';
import {
  freePort,
  spawnService,
  type ServiceProcess,
  waitUntilReady,
} from '../support/processes.js';
import { getJson, postJson } from '../support/system.js';

const SERVICES = ['api=services/api/src/server.ts', 'worker=services/worker/src/main.ts'];

/** The pids the supervisor said it started, by service, in order. */
function startedPids(output: string, name: string): number[] {
  return [...output.matchAll(new RegExp(`${name} started \\(pid (\\d+)\\)`, 'g'))].map((m) =>
    Number(m[1]),
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the API and the worker under the supervisor (npm start, the production start)', () => {
  let t: TestDatabase;
  let supervisor: ServiceProcess;
  let baseUrl: string;
  const prefix = freshRedisPrefix();

  beforeAll(async () => {
    t = await createTestDatabase('supervised');
    await seedSmallProvince(t.db);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    supervisor = spawnService(
      'infra/supervise.mjs',
      { DATABASE_URL: t.url, REDIS_PREFIX: prefix, PORT: String(port), OUTBOX_POLL_MS: '200' },
      SERVICES,
    );
    await waitUntilReady(baseUrl, 90_000);
  }, 200_000);
  afterAll(async () => {
    // Whatever a failed test left running: the services are in process groups of their own.
    supervisor.child.kill('SIGKILL');
    for (const pid of [
      ...startedPids(supervisor.output(), 'api'),
      ...startedPids(supervisor.output(), 'worker'),
    ]) {
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
    await t.drop();
    await deleteRedisPrefix(prefix);
  });

  const submitAndWaitRouted = async (text: string) => {
    const res = await postJson(baseUrl, '/v1/cases', {
      categoryCode: 'moi-truong',
      text,
      citizen: { name: 'Nguyễn Văn Thử', phone: '0912345678' },
    });
    expect(res.status).toBe(201);
    const code = res.body!.trackingCode as string;
    await waitFor(
      async () => {
        const { body } = await getJson(baseUrl, `/v1/cases/${code}`);
        return body.unit ? true : undefined;
      },
      { timeoutMs: 60_000, what: `case ${code} routed` },
    );
  };

  it('starts the worker again after kill -9, says so, and the work goes on', async () => {
    await waitFor(
      async () => (startedPids(supervisor.output(), 'worker').length ? true : undefined),
      {
        what: 'worker started',
      },
    );
    const [first] = startedPids(supervisor.output(), 'worker');
    process.kill(first!, 'SIGKILL');

    await submitAndWaitRouted('Rác thải đổ trộm ven đường sau khi worker bị dừng.');
    const out = supervisor.output();
    expect(out).toContain('worker exited with signal SIGKILL; restarting in 1 s (restart 1)');
    const workers = startedPids(out, 'worker');
    expect(workers).toHaveLength(2);
    expect(isAlive(first!)).toBe(false);
    expect(isAlive(workers[1]!)).toBe(true);
    // The API was left alone.
    expect(startedPids(out, 'api')).toHaveLength(1);
  }, 120_000);

  it('stops both on SIGTERM, cleanly, and starts neither again', async () => {
    const pids = [
      ...startedPids(supervisor.output(), 'api'),
      ...startedPids(supervisor.output(), 'worker'),
    ].filter(isAlive);
    expect(pids).toHaveLength(2);

    expect(await supervisor.stop('SIGTERM')).toBe(0);
    const out = supervisor.output();
    expect(out).toContain('api stopped with code 0');
    expect(out).toContain('worker stopped with code 0');
    expect(out).not.toContain('restart 2');
    expect(out).not.toMatch(/api exited/);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
  });
});

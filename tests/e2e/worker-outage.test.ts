import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@hotline/config';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  seedSmallProvince,
  startTcpProxy,
  waitFor,
  type TcpProxy,
  type TestDatabase,
} from '@hotline/testing';
import {
  freePort,
  spawnService,
  type ServiceProcess,
  waitUntilReady,
} from '../support/processes.js';
import { getJson, postJson } from '../support/system.js';

/** The same URL, through the proxy. */
function through(proxy: TcpProxy, url: string): string {
  const u = new URL(url);
  u.host = `127.0.0.1:${proxy.port}`;
  return u.toString();
}

const target = (url: string) => {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port) };
};

/**
 * The worker process behind proxies to Postgres and Redis that the test unplugs: it must stay
 * up, say it is not ready (and what is down), and take up the work when the connection is back.
 * The API reaches both directly, so cases keep arriving meanwhile.
 */
describe('the worker process while Postgres or Redis is unreachable', () => {
  let t: TestDatabase;
  let pgProxy: TcpProxy;
  let redisProxy: TcpProxy;
  let api: ServiceProcess;
  let worker: ServiceProcess;
  let baseUrl: string;
  let healthUrl: string;
  const prefix = freshRedisPrefix();

  beforeAll(async () => {
    t = await createTestDatabase('outage');
    await seedSmallProvince(t.db);
    const config = loadConfig();
    [pgProxy, redisProxy] = await Promise.all([
      startTcpProxy(target(t.url)),
      startTcpProxy(target(config.redisUrl)),
    ]);
    const [port, healthPort] = [await freePort(), await freePort()];
    baseUrl = `http://127.0.0.1:${port}`;
    healthUrl = `http://127.0.0.1:${healthPort}`;
    const env = { DATABASE_URL: t.url, REDIS_PREFIX: prefix, OUTBOX_POLL_MS: '200' };
    api = spawnService('services/api/src/server.ts', { ...env, PORT: String(port) });
    worker = spawnService('services/worker/src/main.ts', {
      ...env,
      DATABASE_URL: through(pgProxy, t.url),
      REDIS_URL: through(redisProxy, config.redisUrl),
      WORKER_HEALTH_PORT: String(healthPort),
    });
    await waitFor(async () => ((await readiness()).status === 200 ? true : undefined), {
      timeoutMs: 90_000,
      what: 'worker ready',
    }).catch((err: Error) => {
      throw new Error(
        `${err.message}; readyz: ${JSON.stringify(lastReadiness)}\n${worker.output().slice(-3000)}`,
      );
    });
    await waitUntilReady(baseUrl, 90_000);
  }, 200_000);
  afterAll(async () => {
    api?.child.kill('SIGKILL');
    worker?.child.kill('SIGKILL');
    await Promise.all([pgProxy?.close(), redisProxy?.close()]);
    await t.drop();
    await deleteRedisPrefix(prefix);
  });

  let lastReadiness: unknown;
  async function readiness(): Promise<{ status: number; body?: { checks?: object } }> {
    try {
      const res = await fetch(`${healthUrl}/readyz`);
      lastReadiness = { status: res.status, body: (await res.json()) as { checks?: object } };
      return lastReadiness as { status: number; body?: { checks?: object } };
    } catch {
      return { status: 0 };
    }
  }

  const submit = async (text: string) => {
    const res = await postJson(baseUrl, '/v1/cases', {
      categoryCode: 'moi-truong',
      text,
      citizen: { name: 'Nguyễn Văn Thử', phone: '0912345678' },
    });
    expect(res.status).toBe(201);
    return res.body!.trackingCode as string;
  };
  const isRouted = async (code: string) => {
    const { body } = await getJson(baseUrl, `/v1/cases/${code}`);
    return Boolean(body.unit);
  };
  const waitRouted = (code: string) =>
    waitFor(async () => ((await isRouted(code)) ? true : undefined), {
      timeoutMs: 40_000,
      what: `case ${code} routed`,
    });
  const count = (text: string) => worker.output().split(text).length - 1;

  it('answers /healthz while it works', async () => {
    const res = await fetch(`${healthUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'up' });
    expect((await readiness()).body).toEqual({
      status: 'up',
      checks: { postgres: 'up', redis: 'up', workers: 'up' },
    });
  });

  it('Postgres cut: stays up, unready naming Postgres, and routes what came meanwhile', async () => {
    pgProxy.cut();
    const down = await waitFor(
      async () => {
        const r = await readiness();
        return r.status === 503 ? r : undefined;
      },
      { what: 'readyz 503' },
    );
    expect(down.body).toMatchObject({
      status: 'down',
      checks: { postgres: 'down', redis: 'up' },
    });
    const code = await submit('Đèn đường hỏng trong lúc worker mất kết nối Postgres.');
    // Several probes and relay passes fail meanwhile; the process stays, and says it once.
    await new Promise((r) => setTimeout(r, 5000));
    expect(worker.child.exitCode).toBeNull();
    expect(await isRouted(code)).toBe(false);
    expect(count('Postgres unreachable; retrying')).toBe(1);

    pgProxy.restore();
    await waitFor(async () => ((await readiness()).status === 200 ? true : undefined), {
      timeoutMs: 20_000,
      what: 'readyz 200 again',
    });
    await waitRouted(code);
    expect(count('Postgres reachable again')).toBe(1);
    expect(worker.child.exitCode).toBeNull();
  });

  it('Redis cut: stays up, unready naming Redis, and routes what came meanwhile', async () => {
    redisProxy.cut();
    const down = await waitFor(
      async () => {
        const r = await readiness();
        return r.status === 503 ? r : undefined;
      },
      { what: 'readyz 503' },
    );
    expect(down.body).toMatchObject({ status: 'down', checks: { postgres: 'up', redis: 'down' } });
    const code = await submit('Ổ gà trên đường trong lúc worker mất kết nối Redis.');
    await new Promise((r) => setTimeout(r, 5000));
    expect(worker.child.exitCode).toBeNull();
    expect(count('Redis unreachable; retrying')).toBe(1);

    redisProxy.restore();
    await waitFor(async () => ((await readiness()).status === 200 ? true : undefined), {
      timeoutMs: 20_000,
      what: 'readyz 200 again',
    });
    await waitRouted(code);
    expect(count('Redis reachable again')).toBe(1);
    expect(worker.child.exitCode).toBeNull();
    expect(worker.output()).not.toMatch(/closing after an error|second error/);
  });
});

import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@hotline/config';
import { countPendingOutbox } from '@hotline/db';
import { startTcpProxy, waitFor, type TcpProxy } from '@hotline/testing';
import { addSignInOfficial, call, signIn } from '../auth/auth-client.js';
import { routedEventsPerCase } from '../support/routed.js';
import { getJson, postJson, startSystem, type TestSystem } from '../support/system.js';

const FAILURES_TO_OPEN = 3;
const PHONE = '0912 000 111';
const N = 12;

/**
 * Redis that stops answering without closing anything (as under CLIENT PAUSE): the proxy in
 * front of the shared Redis stops forwarding bytes, so no other test's Redis is paused.
 */
describe('Redis hung or down: limits skipped at once, sessions refused, intake answers', () => {
  let proxy: TcpProxy;
  let sys: TestSystem;
  const lines: string[] = [];
  beforeAll(async () => {
    const redis = new URL(loadConfig().redisUrl);
    proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    sys = await startSystem({
      listen: true,
      redisUrl: proxy.url('redis'),
      label: 'redishung',
      // Started once Redis answers again: here it is the API's Redis under test, and the
      // outbox keeps the cases' work in Postgres meanwhile.
      withWorker: false,
      logTo: new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString('utf8'));
          done();
        },
      }),
      env: {
        LOG_LEVEL: 'info',
        COOKIE_SECURE: 'false',
        PHONE_CASE_LIMIT: '2',
        PHONE_CASE_WINDOW_MS: '600000',
        // Longer than the default: on a loaded test machine a busy event loop or Redis must
        // not open the breaker before the test hangs Redis on purpose.
        REDIS_REQUEST_TIMEOUT_MS: '1000',
        REDIS_BREAKER_FAILURES: String(FAILURES_TO_OPEN),
        REDIS_BREAKER_PROBE_MS: '200',
      },
    });
    // Ready first: on a busy machine the connection through the proxy may drop once while the
    // system starts (the breaker logs why), and the test is about the hang it causes later.
    await waitFor(
      async () =>
        breaker().state === 'closed' && (await getJson(sys.baseUrl, '/readyz')).status === 200
          ? true
          : undefined,
      { timeoutMs: 20_000, what: 'the API ready' },
    );
  });
  afterAll(async () => {
    // A failed test may leave Redis hung, and the worker cannot close without it.
    proxy.restore();
    await sys.close();
    await proxy.close();
  });

  const fileCase = (n: number, phone = PHONE) =>
    postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'moi-truong',
      text: `Nước thải chảy ra kênh, lần ${n}.`,
      citizen: { phone },
    });
  const breaker = () => sys.api.redisBreaker.stats();
  const logged = (message: string, since = 0) =>
    lines.slice(since).filter((l) => l.includes(message)).length;

  it('skips the per-phone limit without waiting each time, refuses sessions with 503, recovers', async () => {
    const official = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, [
      'operator',
    ]);
    const session = await signIn(sys.baseUrl, official.email);
    expect(session.status, JSON.stringify([session.body, breaker()])).toBe(200);
    const me = () => call(sys.baseUrl, 'GET', '/v1/auth/me', { cookie: session.cookie });
    expect((await me()).status).toBe(200);
    // The number uses up its limit while Redis answers.
    const first = await fileCase(1);
    expect(first.status).toBe(201);
    expect((await fileCase(2)).status).toBe(201);
    expect((await fileCase(3)).status).toBe(429);

    const before = breaker();
    expect(before.state).toBe('closed');
    const logFrom = lines.length;
    proxy.hang();
    for (let i = 0; i < N; i++) {
      const res = await fileCase(100 + i);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    // Each case asks Redis twice (per-IP, per-phone): only the first commands waited for their
    // timeout; from the third on, the open breaker refused them unsent.
    const during = breaker();
    expect(during.state).toBe('open');
    expect(during.openings - before.openings).toBe(1);
    expect(during.failed - before.failed).toBeLessThanOrEqual(FAILURES_TO_OPEN);
    expect(during.refused - before.refused).toBeGreaterThanOrEqual(2 * N - FAILURES_TO_OPEN);

    // Sessions, sign-in and one-time codes fail closed, and say when to come back.
    for (const res of [
      await me(),
      await call(sys.baseUrl, 'POST', '/v1/auth/sign-in', {
        body: { login: official.email, password: 'whatever-it-is-1' },
      }),
      await call(sys.baseUrl, 'POST', `/v1/cases/${String(first.body!.trackingCode)}/otp`, {
        body: {},
      }),
    ]) {
      expect(res.status, JSON.stringify(res.body)).toBe(503);
      expect(res.body!.code).toBe('DEPENDENCY_UNAVAILABLE');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    const metrics = await (await fetch(`${sys.baseUrl}/metrics`)).text();
    expect(metrics).toContain('hotline_redis_breaker_open 1');
    expect(metrics).toContain('hotline_redis_up 0');
    const ready = await getJson(sys.baseUrl, '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toEqual({ postgres: 'up', redis: 'down' });

    // Every case is in Postgres; the outbox holds their work for later.
    const { db } = sys.database;
    const [stored] = await db.execute<{ n: number }>(sql`select count(*)::int as n from cases`);
    expect(stored?.n).toBe(2 + N);
    expect(await countPendingOutbox(db)).toBe(2 + N);
    // One warning for the outage, none per request, and no phone number in the log.
    expect(logged('Redis not answering', logFrom)).toBe(1);
    expect(lines.join('')).not.toMatch(/912\s?000\s?111/);

    proxy.restore();
    await waitFor(async () => (breaker().state === 'closed' ? true : undefined), {
      timeoutMs: 10_000,
      what: 'the breaker closed',
    });
    expect(logged('Redis answering again', logFrom)).toBe(1);
    // The limit applies again, sessions work again, the process is ready again.
    expect((await fileCase(200)).status).toBe(429);
    expect((await fileCase(201, '0912 000 333')).status).toBe(201);
    expect((await me()).status).toBe(200);
    expect((await getJson(sys.baseUrl, '/readyz')).status).toBe(200);
    sys.startWorker();
    await waitFor(async () => ((await countPendingOutbox(db)) === 0 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'outbox drained',
    });
    const perCase = await routedEventsPerCase(db, 3 + N);
    expect(perCase).toHaveLength(3 + N);
    expect(perCase.every((n) => n === 1)).toBe(true);
  });

  it('with Redis down, a session is refused with 503 (not 500) and intake answers', async () => {
    const official = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, [
      'operator',
    ]);
    const session = await signIn(sys.baseUrl, official.email);
    expect(session.status, JSON.stringify([session.body, breaker()])).toBe(200);
    const openings = breaker().openings;
    proxy.cut();
    for (let i = 0; i < 5; i++) {
      expect((await fileCase(300 + i, '0912 000 444')).status).toBe(201);
    }
    expect(breaker()).toMatchObject({ state: 'open', openings: openings + 1 });
    const me = await call(sys.baseUrl, 'GET', '/v1/auth/me', { cookie: session.cookie });
    expect(me.status).toBe(503);
    expect(Number(me.headers.get('retry-after'))).toBeGreaterThan(0);

    proxy.restore();
    await waitFor(async () => (breaker().state === 'closed' ? true : undefined), {
      timeoutMs: 10_000,
      what: 'the breaker closed',
    });
    expect((await call(sys.baseUrl, 'GET', '/v1/auth/me', { cookie: session.cookie })).status).toBe(
      200,
    );
  });
});

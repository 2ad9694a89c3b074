import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis } from '@hotline/queue';
import { waitFor } from '@hotline/testing';
import { parseExposition } from '../support/prometheus.js';
import { postJson, startSystem, TEST_ADMIN_TOKEN, type TestSystem } from '../support/system.js';
import { addSignInOfficial, signIn } from '../auth/auth-client.js';
import { sessionOf } from '../admin/audit-helpers.js';

describe('operations: Prometheus metrics and the queue dashboard', () => {
  const METRICS_TOKEN = 'metrics-token-for-tests-0123';
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({ label: 'ops', env: { METRICS_TOKEN } });
  });
  afterAll(async () => {
    await sys.close();
  });

  const scrape = (authorization?: string) =>
    fetch(`${sys.baseUrl}/metrics`, authorization ? { headers: { authorization } } : {});

  it('exposes process and queue metrics at /metrics, in a valid exposition', async () => {
    await postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'xay-dung',
      text: 'Đèn đường hỏng nhiều ngày.',
    });
    const text = await waitFor(
      async () => {
        const body = await (await scrape(`Bearer ${METRICS_TOKEN}`)).text();
        return /hotline_job_start_latency_ms_count\{queue="routing"\} [1-9]/.test(body)
          ? body
          : undefined;
      },
      { what: 'a routed job in the metrics' },
    );
    expect(text).toContain('hotline_api_process_cpu_user_seconds_total');
    expect(text).toContain('hotline_redis_up 1');
    // Parsed as Prometheus would: one declaration per family, no label named twice.
    const families = new Map(parseExposition(text).map((f) => [f.name, f]));
    const jobCount = families.get('bullmq_job_count');
    expect(jobCount?.type).toBe('GAUGE');
    const queues = new Set(jobCount?.metrics.map((m) => m.labels?.queue));
    expect([...queues]).toEqual(
      expect.arrayContaining(['routing', 'matching', 'sla', 'notifications', 'maintenance']),
    );
    expect(families.get('bullmq_job_completed_total')?.metrics.length).toBe(queues.size);
    expect(families.get('hotline_job_start_latency_ms')?.type).toBe('SUMMARY');
    expect(families.get('hotline_redis_up')?.metrics).toEqual([{ value: '1' }]);
    expect(families.get('hotline_redis_breaker_open')?.metrics).toEqual([{ value: '0' }]);
  });

  it('asks for METRICS_TOKEN as a Bearer token', async () => {
    const anonymous = await scrape();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await anonymous.text()).not.toContain('bullmq');
    expect((await scrape('Bearer not-the-metrics-token')).status).toBe(401);
    expect((await scrape(METRICS_TOKEN)).status).toBe(401);
    expect((await scrape(`Bearer ${METRICS_TOKEN}`)).status).toBe(200);
  });

  it('schedules reconcile and the daily digest once, cluster-wide', async () => {
    const queue = new Queue('maintenance', {
      connection: createRedis(sys.config.redisUrl, 'worker'),
      prefix: sys.config.redisPrefix,
    });
    const schedulers = await waitFor(async () => {
      const list = await queue.getJobSchedulers();
      return list.length >= 2 ? list : undefined;
    });
    expect(schedulers.map((s) => [s.key, s.pattern ?? s.every])).toEqual(
      expect.arrayContaining([
        ['reconcile', 120_000],
        ['daily-digest', '0 7 * * 1-5'],
      ]),
    );
    await queue.close();
  });

  it('keeps the queue dashboard behind an administrator’s session (or admin-scoped token)', async () => {
    const anonymous = await fetch(`${sys.baseUrl}/admin/queues`);
    expect(anonymous.status).toBe(401);
    // There is no shared password any more: Basic credentials open nothing.
    const basic = await fetch(`${sys.baseUrl}/admin/queues`, {
      headers: { authorization: `Basic ${Buffer.from('admin:anything').toString('base64')}` },
    });
    expect(basic.status).toBe(401);
    const unit = sys.province.triageUnitId;
    const supervisor = await addSignInOfficial(sys.database.db, unit, ['supervisor']);
    const notAdmin = await signIn(sys.baseUrl, supervisor.username);
    const refused = await fetch(`${sys.baseUrl}/admin/queues`, {
      headers: { cookie: notAdmin.cookie },
    });
    expect(refused.status).toBe(403);
    const admin = await sessionOf(sys.baseUrl, sys.database.db, unit, 'admin');
    const ok = await fetch(`${sys.baseUrl}/admin/queues`, { headers: admin.sameOrigin });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/<html/i);
    const api = await fetch(
      `${sys.baseUrl}/admin/queues/api/queues?activeQueue=routing&page=1&jobsPerPage=10`,
      { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } },
    );
    expect(api.status).toBe(200);
    const queues = ((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name);
    expect(queues).toEqual(
      expect.arrayContaining(['routing', 'matching', 'sla', 'notifications', 'maintenance']),
    );
  });
});

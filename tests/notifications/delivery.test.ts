import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { createRedis } from '@hotline/queue';
import { waitFor } from '@hotline/testing';
import { TEST_ADMIN_TOKEN } from '../support/system.js';
import {
  FakeSmsGateway,
  startNotificationSystem,
  waitForNotification,
  type NotificationSystem,
} from './notification-system.js';

const FLAKY = '+84912111111'; // fails twice, then works
const BROKEN = '+84912222222'; // fails every time
const ATTEMPTS = 3;

describe('delivery: retries with backoff, dead letters, at most once', () => {
  let sys: NotificationSystem;
  const gateway = new FakeSmsGateway((to) => (to === FLAKY ? 2 : to === BROKEN ? Infinity : 0));
  beforeAll(async () => {
    sys = await startNotificationSystem({
      label: 'notify_delivery',
      env: { NOTIFICATION_ATTEMPTS: String(ATTEMPTS), NOTIFICATION_BACKOFF_MS: '50' },
      providers: { sms: gateway },
    });
  });
  afterAll(async () => {
    await sys.close();
  });

  const admin = (method: 'GET' | 'POST', url: string) =>
    sys.api.inject({ method, url, headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  const receiptTo = async (phone: string) => {
    const { caseId } = await sys.submitCase({
      categoryCode: 'moi-truong',
      text: 'Đèn đường hỏng nhiều ngày chưa sửa.',
      citizen: { phone },
    });
    return waitForNotification(sys, caseId, 'citizen_receipt', 'sms');
  };

  it('a provider failing twice then succeeding: three calls, one message, the row sent', async () => {
    const row = await receiptTo(FLAKY);
    const sent = await sys.waitForStatus(row.id, 'sent');
    expect(gateway.callsTo(FLAKY)).toBe(3);
    expect(gateway.delivered.filter((m) => m.to === FLAKY)).toHaveLength(1);
    expect(sent).toMatchObject({ attempts: 3, lastError: null });
    expect(sent.providerMessageId).toMatch(/^fake-/);
    await new Promise((r) => setTimeout(r, 300));
    expect(gateway.callsTo(FLAKY)).toBe(3);

    // The job carries the configured tries and exponential backoff (50 ms, then 100 ms).
    const times = gateway.calls.filter((m) => m.to === FLAKY).map((m) => gateway.timeOf(m));
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(45);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(95);
    const connection = createRedis(sys.config.redisUrl, 'worker');
    const queue = new Queue('notifications', { connection, prefix: sys.config.redisPrefix });
    try {
      const job = await queue.getJob(`notify-${row.id}`);
      expect(job?.opts).toMatchObject({
        attempts: ATTEMPTS,
        backoff: { type: 'exponential', delay: 50 },
      });
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });

  it('a provider failing always: dead after the configured tries, listed for administrators, retried on request', async () => {
    const row = await receiptTo(BROKEN);
    const dead = await sys.waitForStatus(row.id, 'dead');
    expect(gateway.callsTo(BROKEN)).toBe(ATTEMPTS);
    expect(dead.attempts).toBe(ATTEMPTS);
    // The gateway's error quoted the number: it is stored redacted.
    expect(dead.lastError).toBe('gateway unavailable (rejected [address])');
    await new Promise((r) => setTimeout(r, 300));
    expect(gateway.callsTo(BROKEN)).toBe(ATTEMPTS);

    expect(
      (await sys.api.inject({ method: 'GET', url: '/v1/admin/notifications/dead-letters' }))
        .statusCode,
    ).toBe(401);
    const list = await admin('GET', '/v1/admin/notifications/dead-letters');
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: row.id,
      caseId: row.caseId,
      template: 'citizen_receipt',
      channel: 'sms',
      recipient: { kind: 'citizen' },
      attempts: ATTEMPTS,
    });
    expect(list.body).not.toContain('912222222');
    expect(list.body).not.toContain('Den duong');
    expect(sys.logs()).not.toContain('912222222');

    const unknown = await admin('POST', `/v1/admin/notifications/${crypto.randomUUID()}/retry`);
    expect(unknown.statusCode).toBe(404);

    gateway.setFailures(() => 0);
    const retried = await admin('POST', `/v1/admin/notifications/${row.id}/retry`);
    expect(retried.statusCode).toBe(202);
    expect(retried.json()).toEqual({ id: row.id, status: 'pending' });
    const resent = await sys.waitForStatus(row.id, 'sent');
    expect(resent.attempts).toBe(ATTEMPTS + 1);
    expect(gateway.delivered.filter((m) => m.to === BROKEN)).toHaveLength(1);
    expect((await admin('POST', `/v1/admin/notifications/${row.id}/retry`)).statusCode).toBe(409);
    const after = await admin('GET', '/v1/admin/notifications/dead-letters');
    expect(after.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('redelivering a send job for a sent notification sends nothing', async () => {
    gateway.setFailures(() => 0);
    const row = await receiptTo('+84912333333');
    await sys.waitForStatus(row.id, 'sent');
    const calls = gateway.calls.length;

    const connection = createRedis(sys.config.redisUrl, 'worker');
    const queue = new Queue('notifications', { connection, prefix: sys.config.redisPrefix });
    try {
      const job = await queue.add(
        'send',
        { notificationId: row.id },
        { jobId: `redeliver-${row.id}` },
      );
      const done = await waitFor(
        async () => {
          const state = await queue.getJobState(job.id!);
          return state === 'completed' || state === 'failed' ? state : undefined;
        },
        { what: 'redelivered job finished' },
      );
      expect(done).toBe('completed');
      const finished = await queue.getJob(job.id!);
      expect(finished?.returnvalue).toEqual({ outcome: 'skipped', reason: 'already_sent' });
    } finally {
      await queue.close();
      connection.disconnect();
    }
    expect(gateway.calls.length).toBe(calls);
    const [again] = (await sys.notificationsOf(row.caseId!)).filter((n) => n.id === row.id);
    expect(again?.attempts).toBe(1);
  });
});

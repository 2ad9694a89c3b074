import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { reconcileNotifications, NOTIFICATION_STALE_MS, type EmailMessage } from '@hotline/core';
import { createPublisher, createRedis } from '@hotline/queue';
import { waitFor } from '@hotline/testing';
import { TEST_ADMIN_TOKEN } from '../support/system.js';
import {
  startNotificationSystem,
  waitForNotification,
  type NotificationRow,
  type NotificationSystem,
} from './notification-system.js';

/**
 * A stand-in for our HTTP SMS gateway: it keeps the first message of each Idempotency-Key and
 * answers a repeat with that first message's id, delivering nothing more. `onFirst` runs when a
 * key is first seen, before the gateway answers.
 */
class IdempotentSmsGateway {
  readonly requests: Array<{ key: string; to: string }> = [];
  readonly delivered: Array<{ key: string; to: string }> = [];
  private readonly ids = new Map<string, string>();
  onFirst: (to: string) => void = () => {};
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void bodyOf(req).then((body) => {
        const key = String(req.headers['idempotency-key']);
        const { to } = JSON.parse(body) as { to: string };
        this.requests.push({ key, to });
        let id = this.ids.get(key);
        if (!id) {
          id = `gw-${this.ids.size + 1}`;
          this.ids.set(key, id);
          this.delivered.push({ key, to });
          this.onFirst(to);
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
  }

  requestsTo(to: string) {
    return this.requests.filter((r) => r.to === to);
  }

  close() {
    this.server?.close();
  }
}

const bodyOf = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = '';
    req.on('data', (d: Buffer) => (s += d.toString()));
    req.on('end', () => resolve(s));
  });

/** An SMTP-like e-mail provider: it cannot drop a repeat, and counts every message handed over. */
class CountingMailer {
  readonly idempotencyKey = null;
  readonly sent: EmailMessage[] = [];
  onSend: (to: string) => void = () => {};

  async send(message: EmailMessage) {
    this.sent.push(message);
    this.onSend(message.to);
    return { providerMessageId: `mail-${this.sent.length}` };
  }

  sentTo(to: string) {
    return this.sent.filter((m) => m.to === to).length;
  }
}

describe('exactly once where the provider drops repeats, at most once where it cannot', () => {
  let sys: NotificationSystem;
  const gateway = new IdempotentSmsGateway();
  const mailer = new CountingMailer();
  beforeAll(async () => {
    const url = await gateway.start();
    sys = await startNotificationSystem({
      label: 'notify_once',
      env: {
        SMS_PROVIDER: 'http',
        SMS_HTTP_URL: url,
        SMS_HTTP_TOKEN: 'test-token',
        NOTIFICATION_ATTEMPTS: '6',
        NOTIFICATION_BACKOFF_MS: '50',
      },
      providers: { email: mailer },
      workerDatabaseProxy: true,
    });
  });
  afterAll(async () => {
    await sys?.close();
    gateway.close();
  });

  const proxy = () => sys.workerDatabase!;
  const admin = (method: 'GET' | 'POST', url: string) =>
    sys.api.inject({ method, url, headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  const receipt = async (citizen: Record<string, string>, channel: 'sms' | 'email') => {
    const { caseId } = await sys.submitCase({
      categoryCode: 'moi-truong',
      text: 'Cống thoát nước bị tắc gây ngập đường.',
      citizen,
    });
    return waitForNotification(sys, caseId, 'citizen_receipt', channel);
  };
  const withQueue = async <T>(fn: (queue: Queue) => Promise<T>): Promise<T> => {
    const connection = createRedis(sys.config.redisUrl, 'worker');
    const queue = new Queue('notifications', { connection, prefix: sys.config.redisPrefix });
    try {
      return await fn(queue);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  };

  /**
   * The notification's try failed after the provider answered: its job was failed, or (the
   * worker's answer to a lost Postgres connection) put back delayed without spending a try.
   */
  const jobFailed = (row: NotificationRow) =>
    waitFor(
      async () => {
        const state = await withQueue((q) => q.getJobState(`notify-${row.id}`));
        return state === 'delayed' || state === 'failed' || undefined;
      },
      { timeoutMs: 15_000, what: `a failed try of notify-${row.id}` },
    );

  it('Postgres lost after a provider without idempotency took the e-mail: never sent again, left unconfirmed for administrators', async () => {
    const to = 'mai.tran@mail.vn';
    mailer.onSend = (address) => {
      // The message is handed over; the worker's Postgres goes before it can record that.
      if (address === to) proxy().cut();
    };
    const row = await receipt({ email: to }, 'email');
    await jobFailed(row);
    proxy().restore();

    const unconfirmed = await sys.waitForStatus(row.id, 'unconfirmed');
    expect(mailer.sentTo(to)).toBe(1);
    expect(unconfirmed).toMatchObject({ attempts: 1, sentAt: null });
    expect(unconfirmed.attemptedAt).not.toBeNull();
    const result = await withQueue(
      async (q) => (await q.getJob(`notify-${row.id}`))?.returnvalue as unknown,
    );
    expect(result).toEqual({ outcome: 'unconfirmed' });
    await new Promise((r) => setTimeout(r, 300));
    expect(mailer.sentTo(to)).toBe(1);

    const list = await admin('GET', '/v1/admin/notifications/dead-letters');
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(items.find((i) => i.id === row.id)).toMatchObject({
      status: 'unconfirmed',
      channel: 'email',
      attempts: 1,
    });
    expect(list.body).not.toContain('mai.tran');

    // An administrator may still decide to send it again.
    mailer.onSend = () => {};
    const retried = await admin('POST', `/v1/admin/notifications/${row.id}/retry`);
    expect(retried.statusCode).toBe(202);
    await sys.waitForStatus(row.id, 'sent');
    expect(mailer.sentTo(to)).toBe(2);
  });

  it('Postgres lost after the idempotent SMS gateway took the SMS: sent again with the same key, delivered once, the row sent', async () => {
    const to = '+84912444444';
    gateway.onFirst = (address) => {
      if (address === to) proxy().cut();
    };
    const row = await receipt({ phone: to }, 'sms');
    await jobFailed(row);
    proxy().restore();

    const sent = await sys.waitForStatus(row.id, 'sent');
    const requests = gateway.requestsTo(to);
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(new Set(requests.map((r) => r.key))).toEqual(new Set([row.id]));
    expect(gateway.delivered.filter((d) => d.to === to)).toHaveLength(1);
    expect(sent).toMatchObject({ providerMessageId: 'gw-1', lastError: null });
    expect(sent.attempts).toBe(requests.length);
    await new Promise((r) => setTimeout(r, 300));
    expect(gateway.requestsTo(to)).toHaveLength(requests.length);
  });

  it('a try left `sending` whose job is gone is taken up by reconcile, and still not sent twice', async () => {
    const to = 'lan.pham@mail.vn';
    // Postgres goes while the e-mail is handed over, and the job is then lost with Redis.
    mailer.onSend = (address) => {
      if (address === to) proxy().cut();
    };
    const row = await receipt({ email: to }, 'email');
    await jobFailed(row);
    await withQueue((q) => q.remove(`notify-${row.id}`));
    proxy().restore();
    const [stuck] = (await sys.notificationsOf(row.caseId!)).filter((n) => n.id === row.id);
    expect(stuck?.status).toBe('sending');

    // One stale period on, reconcile gives the row a new job.
    const connection = createRedis(sys.config.redisUrl, 'producer');
    await new Promise((resolve) => connection.once('ready', resolve));
    const publisher = createPublisher(connection, sys.config.redisPrefix);
    try {
      const deps = { db: sys.database.db, publisher };
      const later = new Date(Date.now() + NOTIFICATION_STALE_MS + 1000);
      expect((await reconcileNotifications(deps, later)).notifications).toBeGreaterThanOrEqual(1);
    } finally {
      await publisher.close();
      connection.disconnect();
    }
    await sys.waitForStatus(row.id, 'unconfirmed');
    await new Promise((r) => setTimeout(r, 300));
    expect(mailer.sentTo(to)).toBe(1);
  });
});

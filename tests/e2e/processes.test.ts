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

describe('the real entry points, as child processes', () => {
  let t: TestDatabase;
  let api: ServiceProcess;
  let worker: ServiceProcess;
  let baseUrl: string;
  const prefix = freshRedisPrefix();

  beforeAll(async () => {
    t = await createTestDatabase('procs');
    await seedSmallProvince(t.db);
    const port = await freePort();
    const env = { DATABASE_URL: t.url, REDIS_PREFIX: prefix, PORT: String(port) };
    api = spawnService('services/api/src/server.ts', env);
    worker = spawnService('services/worker/src/main.ts', env);
    baseUrl = `http://127.0.0.1:${port}`;
    await waitUntilReady(baseUrl, 30_000);
  });
  afterAll(async () => {
    api.child.kill('SIGKILL');
    worker.child.kill('SIGKILL');
    await t.drop();
    await deleteRedisPrefix(prefix);
  });

  it('route a case, keep personal data out of the logs, and stop cleanly on SIGTERM', async () => {
    const res = await postJson(baseUrl, '/v1/cases', {
      categoryCode: 'moi-truong',
      text: 'Cống thoát nước bị tắc gây ngập khi mưa.',
      citizen: { name: 'Lê Thị Riêng Tư', phone: '0987654321', email: 'rieng.tu@example.vn' },
      address: 'Số 12 ngõ Bí Mật',
    });
    expect(res.status).toBe(201);
    const code = res.body!.trackingCode as string;
    await waitFor(
      async () => {
        const { body } = await getJson(baseUrl, `/v1/cases/${code}`);
        return body.unit ? true : undefined;
      },
      { timeoutMs: 10_000, what: 'routed' },
    );

    expect(await api.stop()).toBe(0);
    expect(await worker.stop()).toBe(0);
    const logs = api.output() + worker.output();
    expect(logs).toContain('case received');
    expect(logs).toContain('shutting down');
    for (const secret of ['987654321', 'Riêng Tư', 'rieng.tu@example.vn', 'Bí Mật']) {
      expect(logs).not.toContain(secret);
    }
  });
});

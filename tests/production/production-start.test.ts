import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  waitFor,
  type TestDatabase,
} from '@hotline/testing';
import { freePort } from '../support/processes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scripts = (
  JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

const up = async (url: string) => {
  try {
    return (await fetch(url)).ok ? true : undefined;
  } catch {
    return undefined;
  }
};

/** `pnpm start:production`, as its script says, on an empty database with production settings. */
describe('the production start', () => {
  let t: TestDatabase;
  const prefix = freshRedisPrefix();
  beforeAll(async () => {
    t = await createTestDatabase('prod_start');
  });
  afterAll(async () => {
    await t.drop();
    await deleteRedisPrefix(prefix);
  });

  it('runs the API and the worker in production, supervised, logging JSON', async () => {
    const [port, healthPort] = [await freePort(), await freePort()];
    const supervisor = spawn('sh', ['-c', scripts['start:production']!], {
      cwd: root,
      detached: true,
      env: {
        // Child processes inherit the environment on purpose: it is how services are configured.
        // eslint-disable-next-line no-restricted-properties
        ...process.env,
        LOG_LEVEL: 'info',
        LOG_PRETTY: 'false',
        DATABASE_URL: t.url,
        REDIS_PREFIX: prefix,
        SESSION_SECRET: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8',
        TWILIO_AUTH_TOKEN: 'f3e2d1c0b9a8f7e6d5c4',
        SMS_WEBHOOK_SECRETS: 'viettel:9f8e7d6c5b4a3928',
        PUBLIC_BASE_URL: 'https://hotline.hatinh.gov.vn',
        METRICS_TOKEN: 'metrics-4f9a2c7e1b8d',
        PORT: String(port),
        WORKER_HEALTH_PORT: String(healthPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    supervisor.stdout.on('data', (d: Buffer) => (out += d.toString()));
    supervisor.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const pids = (name: string) =>
      [...out.matchAll(new RegExp(`"msg":"${name} started \\(pid (\\d+)\\)"`, 'g'))].map((m) =>
        Number(m[1]),
      );
    try {
      await waitFor(() => up(`http://127.0.0.1:${port}/readyz`), {
        timeoutMs: 45_000,
        what: 'API ready',
      });
      await waitFor(() => up(`http://127.0.0.1:${healthPort}/readyz`), {
        timeoutMs: 45_000,
        what: 'worker ready',
      });
      expect(scripts['start:production']).toMatch(/^exec env NODE_ENV=production /);

      // The API is supervised as the worker is.
      process.kill(pids('api')[0]!, 'SIGKILL');
      await waitFor(async () => (pids('api').length === 2 ? true : undefined), {
        timeoutMs: 20_000,
        what: 'API started again',
      });
      await waitFor(() => up(`http://127.0.0.1:${port}/readyz`), {
        timeoutMs: 45_000,
        what: 'API ready again',
      });
      const restart = out
        .split('\n')
        .filter((l) => l.includes('"service":"supervisor"'))
        .map((l) => JSON.parse(l) as { level: number; msg: string })
        .find((l) => l.msg.startsWith('api exited'));
      expect(restart).toMatchObject({
        level: 40,
        msg: 'api exited with signal SIGKILL; restarting in 1 s (restart 1)',
      });

      // As an orchestrator stops it: the script's process is the supervisor (exec).
      supervisor.kill('SIGTERM');
      const [code] = (await once(supervisor, 'exit')) as [number | null];
      expect(code).toBe(0);
      expect(out).toContain('"msg":"api stopped with code 0"');
      expect(out).toContain('"msg":"worker stopped with code 0"');
    } finally {
      try {
        process.kill(-supervisor.pid!, 'SIGKILL');
      } catch {
        // Stopped already.
      }
      for (const pid of [...pids('api'), ...pids('worker')]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Stopped already.
        }
      }
    }
  }, 150_000);
});

import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseDemoCredentials } from '@hotline/api';
import { demoProvince, seedDemoData } from '@hotline/demo';
import { createTestDatabase, type TestDatabase } from '@hotline/testing';
import { spawnService } from '../support/processes.js';

/** Production settings with nothing of development left: only the database is in question. */
const production = (databaseUrl: string) => ({
  NODE_ENV: 'production',
  DATABASE_URL: databaseUrl,
  SESSION_SECRET: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8',
  TWILIO_AUTH_TOKEN: 'f3e2d1c0b9a8f7e6d5c4',
  SMS_WEBHOOK_SECRETS: 'viettel:9f8e7d6c5b4a3928',
  PUBLIC_BASE_URL: 'https://hotline.hatinh.gov.vn',
  METRICS_TOKEN: 'metrics-4f9a2c7e1b8d',
  PORT: '0',
});

describe('production and the demo credentials', () => {
  let demo: TestDatabase;
  let empty: TestDatabase;
  beforeAll(async () => {
    [demo, empty] = await Promise.all([
      createTestDatabase('prod_demo'),
      createTestDatabase('prod_empty'),
    ]);
    await seedDemoData(demo.db, demoProvince);
  });
  afterAll(async () => {
    await Promise.all([demo.drop(), empty.drop()]);
  });

  it('a production API refuses a database holding the demo key, token and passwords', async () => {
    await expect(refuseDemoCredentials({ nodeEnv: 'development' }, demo.db)).resolves.toBe(
      undefined,
    );
    const refused = refuseDemoCredentials({ nodeEnv: 'production' }, demo.db);
    await expect(refused).rejects.toThrow(/demo Open311 API key/);
    await expect(refused).rejects.toThrow(/demo operator's API token/);
    await expect(refused).rejects.toThrow(/official\(s\) with the demo password/);
    await expect(refuseDemoCredentials({ nodeEnv: 'production' }, empty.db)).resolves.toBe(
      undefined,
    );
  });

  it('the API process does not start on it, and says what to remove', async () => {
    const api = spawnService('services/api/src/server.ts', production(demo.url));
    const [code] = (await once(api.child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(api.output()).toMatch(/Demo credentials in a production database/);
    expect(api.output()).toMatch(/DELETE \/v1\/admin\/api-keys\//);
  });

  it('the demo seed refuses to run in production', async () => {
    const seed = spawnService('packages/demo/src/cli/seed-province.ts', production(empty.url));
    const [code] = (await once(seed.child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(seed.output()).toMatch(/never loaded in production/);
    const [row] = await empty.db.execute<{ n: number }>(
      sql`select count(*)::int as n from admin_units`,
    );
    expect(row?.n).toBe(0);
  });

  it('once revoked and reset, production starts', async () => {
    await demo.db.execute(sql`update api_keys set revoked_at = now()`);
    await demo.db.execute(sql`update official_tokens set revoked_at = now()`);
    await demo.db.execute(sql`update officials set password_hash = null`);
    await expect(refuseDemoCredentials({ nodeEnv: 'production' }, demo.db)).resolves.toBe(
      undefined,
    );
  });
});

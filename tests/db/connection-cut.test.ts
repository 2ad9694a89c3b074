import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@hotline/testing';

/**
 * A connection whose server side dies must fail the next query with a catchable error, never
 * crash the process: postgres.js 3.4.x wrote to a socket it had already dropped from a
 * setImmediate (porsager/postgres #1154, #1208), an uncaught TypeError that killed the worker.
 * The guard is a pnpm patch of the driver (patches/postgres@*.patch).
 */
describe('the Postgres driver when its connection is cut', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('cut');
  }, 60_000);
  afterAll(async () => t?.drop());

  it('rejects the next query on a dead reserved connection instead of crashing', async () => {
    const sql = postgres(t.url, { max: 1, onnotice: () => {} });
    try {
      const reserved = await sql.reserve();
      const [row] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await t.raw`select pg_terminate_backend(${row!.pid})`;
      // Let the driver see the close before the next query is written.
      await new Promise((r) => setTimeout(r, 200));
      const failed = await reserved`select 1`.then(
        () => null,
        (e: unknown) => e as { code?: string },
      );
      expect(failed?.code).toMatch(/CONNECTION_CLOSED|CONNECTION_ENDED|CONNECTION_DESTROYED|57P01/);
      reserved.release();
    } finally {
      await sql.end({ timeout: 1 });
    }
  });
});

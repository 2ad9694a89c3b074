import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '@hotline/core';
import { tables } from '@hotline/db';
import { startSystem, type TestSystem } from '../support/system.js';
import { call, signIn } from './auth-client.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

/** `pnpm hotline …` against the test system's database and Redis. */
async function hotline(sys: TestSystem, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'services/api/src/cli/hotline.ts', ...args],
      {
        cwd: root,
        // The command is configured by its environment, as on a server.
        env: {
          // eslint-disable-next-line no-restricted-properties
          ...process.env,
          DATABASE_URL: sys.config.databaseUrl,
          REDIS_URL: sys.config.redisUrl,
          REDIS_PREFIX: sys.config.redisPrefix,
          LOG_LEVEL: 'silent',
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const passwordIn = (stdout: string) => /^ {4}(\S{18})$/m.exec(stdout)?.[1] ?? '';

describe('hotline admin create / reset: the first administrator, without a master key', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({
      withWorker: false,
      label: 'admin_cli',
      env: { COOKIE_SECURE: 'false' },
    });
  }, 120_000);
  afterAll(() => sys?.close());

  it('creates an administrator who signs in with a temporary password, enrols TOTP, changes it', async () => {
    const created = await hotline(
      sys,
      'admin',
      'create',
      '--login',
      'quantri',
      '--name',
      'Lê Văn Quản Trị',
      '--email',
      'quantri@test.gov.vn',
    );
    expect(created.code, created.stderr).toBe(0);
    const temporary = passwordIn(created.stdout);
    expect(temporary).toHaveLength(18);
    const [row] = await sys.database.db
      .select()
      .from(tables.officials)
      .where(eq(tables.officials.username, 'quantri'));
    expect(row).toMatchObject({ roles: ['admin'], mustChangePassword: true, totpEnabled: false });
    expect(row!.passwordHash).not.toContain(temporary);
    const audit = await sys.database.db
      .select()
      .from(tables.adminAudit)
      .where(eq(tables.adminAudit.entityId, row!.id));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'official.create',
      'official.created_by_command',
    ]);
    expect(JSON.stringify(audit)).not.toContain(temporary);

    // First sign-in: a second factor first, then a new password, then the admin API.
    const first = await signIn(sys.baseUrl, 'quantri', temporary);
    expect([first.status, first.body!.code]).toEqual([403, 'TOTP_ENROLLMENT_REQUIRED']);
    const login = { login: 'quantri', password: temporary };
    const enrolled = await call(sys.baseUrl, 'POST', '/v1/auth/totp/enroll', { body: login });
    const secret = enrolled.body!.secret as string;
    const confirmed = await call(sys.baseUrl, 'POST', '/v1/auth/totp/confirm', {
      body: { ...login, code: totpCode(secret) },
    });
    expect(confirmed.status).toBe(200);
    const signedIn = await signIn(sys.baseUrl, 'quantri', temporary, totpCode(secret));
    expect(signedIn.status).toBe(200);
    expect(signedIn.body!.mustChangePassword).toBe(true);
    const session = { cookie: signedIn.cookie, csrf: signedIn.csrf };
    const before = await call(sys.baseUrl, 'GET', '/v1/admin/units', session);
    expect([before.status, before.body!.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
    const changed = await call(sys.baseUrl, 'POST', '/v1/auth/password', {
      ...session,
      body: { current: temporary, new: 'Mat-khau-quan-tri-moi-2026' },
    });
    expect(changed.status).toBe(204);
    expect((await call(sys.baseUrl, 'GET', '/v1/admin/units', session)).status).toBe(200);

    // The same login again is refused, and nothing changes.
    const again = await hotline(
      sys,
      'admin',
      'create',
      '--login',
      'quantri',
      '--name',
      'Ai Đó',
      '--email',
      'khac@test.gov.vn',
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/CONFLICT/);
    expect(again.stdout).toBe('');

    // Locked out (a lost phone): reset from the server; the old session ends.
    const reset = await hotline(sys, 'admin', 'reset', '--login', 'quantri');
    expect(reset.code, reset.stderr).toBe(0);
    expect((await call(sys.baseUrl, 'GET', '/v1/auth/me', session)).status).toBe(401);
    const fresh = await signIn(sys.baseUrl, 'quantri', passwordIn(reset.stdout));
    expect([fresh.status, fresh.body!.code]).toEqual([403, 'TOTP_ENROLLMENT_REQUIRED']);
  }, 120_000);

  it('refuses a bad command, a missing field, and resetting someone who is not an administrator', async () => {
    expect((await hotline(sys, 'admin', 'create', '--login', 'x')).code).toBe(2);
    expect((await hotline(sys, 'nothing')).code).toBe(2);
    const notAdmin = await hotline(sys, 'admin', 'reset', '--login', 'leader@test.gov.vn');
    expect(notAdmin.code).toBe(1);
    expect(notAdmin.stdout).toBe('');
  }, 120_000);
});

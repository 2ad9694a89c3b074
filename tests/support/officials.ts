import { eq } from 'drizzle-orm';
import { hashPassword } from '@hotline/core';
import { tables, type Database } from '@hotline/db';
import type { OfficialRole } from '@hotline/domain';
import { adminRequest } from './system.js';

let seq = 0;

/** An official of a unit with some roles; returns their id. */
export async function addOfficial(
  db: Database,
  unitId: string,
  roles: OfficialRole[],
  extra: { fullName?: string; email?: string; isAbsent?: boolean } = {},
): Promise<string> {
  seq += 1;
  const [row] = await db
    .insert(tables.officials)
    .values({
      unitId,
      roles,
      fullName: extra.fullName ?? `Cán bộ ${roles.join('+')} ${seq}`,
      email: extra.email ?? `official${seq}.${Date.now()}@test.gov.vn`,
      isAbsent: extra.isAbsent ?? false,
    })
    .returning({ id: tables.officials.id });
  return row!.id;
}

/** An API token for the official, issued through the admin API; headers that use it. */
export async function bearerFor(
  baseUrl: string,
  officialId: string,
  scopes: string[] = ['cases:read', 'cases:write', 'reports:read', 'calls:write'],
): Promise<Record<string, string>> {
  const res = await adminRequest(baseUrl, 'POST', `/v1/admin/officials/${officialId}/tokens`, {
    name: 'test',
    scopes,
  });
  if (res.status !== 201) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    authorization: `Bearer ${(res.body as { token: string }).token}`,
    'content-type': 'application/json',
  };
}

/** The password of officials made by addSignInOfficial (long enough for the policy). */
export const TEST_PASSWORD = 'Mat-khau-thu-nghiem-2026';

/** An official who can sign in (login = username) with TEST_PASSWORD; returns id and login. */
export async function addSignInOfficial(
  db: Database,
  unitId: string,
  roles: OfficialRole[],
  extra: { fullName?: string } = {},
): Promise<{ id: string; login: string }> {
  const id = await addOfficial(db, unitId, roles, extra);
  const login = `canbo${seq}x${Date.now().toString(36)}`;
  await db
    .update(tables.officials)
    .set({ username: login, passwordHash: await hashPassword(TEST_PASSWORD) })
    .where(eq(tables.officials.id, id));
  return { id, login };
}

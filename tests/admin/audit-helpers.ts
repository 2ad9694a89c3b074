import { totpCode } from '@hotline/core';
import type { Database } from '@hotline/db';
import type { OfficialRole } from '@hotline/domain';
import { addSignInOfficial, call, PASSWORD, signIn } from '../auth/auth-client.js';
import { adminRequest } from '../support/system.js';

/** What a step answered: status and JSON body. */
export interface Reply {
  status: number;
  body: Record<string, unknown> | null;
}

/** One row of GET /v1/admin/audit. */
export interface AuditItem {
  id: number;
  at: string;
  officialId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** A page of the audit, read through the API with the admin token. */
export async function auditPage(baseUrl: string, query = '') {
  const res = await adminRequest(baseUrl, 'GET', `/v1/admin/audit${query}`);
  if (res.status !== 200) throw new Error(`audit: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as unknown as { items: AuditItem[]; nextBefore: number | null };
}

/** The audit rows a step wrote: every row newer than the newest one before it. */
export async function auditWrittenBy(baseUrl: string, step: () => Promise<Reply>) {
  const newest = (await auditPage(baseUrl, '?limit=1')).items[0]?.id ?? 0;
  const res = await step();
  const rows = (await auditPage(baseUrl, '?limit=200')).items.filter((r) => r.id > newest);
  return { res, rows };
}

/** A signed-in official's session: cookie and CSRF token. Administrators enrol a second factor. */
export async function sessionOf(baseUrl: string, db: Database, unitId: string, role: OfficialRole) {
  const o = await addSignInOfficial(db, unitId, [role]);
  let code: string | undefined;
  if (role === 'admin') {
    const login = { login: o.email, password: PASSWORD };
    const enrolled = await call(baseUrl, 'POST', '/v1/auth/totp/enroll', { body: login });
    const secret = enrolled.body!.secret as string;
    await call(baseUrl, 'POST', '/v1/auth/totp/confirm', {
      body: { ...login, code: totpCode(secret) },
    });
    code = totpCode(secret);
  }
  const signedIn = await signIn(baseUrl, o.email, PASSWORD, code);
  if (signedIn.status !== 200) throw new Error(`sign-in: ${JSON.stringify(signedIn.body)}`);
  const { cookie, csrf } = signedIn;
  return {
    id: o.id,
    csrf,
    /** The cookie as a page of ours (the queue dashboard) sends it: no CSRF header. */
    sameOrigin: { cookie, 'sec-fetch-site': 'same-origin' },
    request: (method: string, path: string, body?: unknown) =>
      call(baseUrl, method, path, { cookie, csrf, ...(body === undefined ? {} : { body }) }),
  };
}

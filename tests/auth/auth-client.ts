import { eq } from 'drizzle-orm';
import { hashPassword } from '@hotline/core';
import { tables, type Database } from '@hotline/db';
import type { OfficialRole } from '@hotline/domain';
import { addOfficial } from '../support/officials.js';

export const PASSWORD = 'correct-horse-battery-1';

/** An official who can sign in with a password; returns id, e-mail and username. */
export async function addSignInOfficial(db: Database, unitId: string, roles: OfficialRole[]) {
  const username = `user${Math.random().toString(36).slice(2, 10)}`;
  const email = `${username}@test.gov.vn`;
  const id = await addOfficial(db, unitId, roles, { email });
  await db
    .update(tables.officials)
    .set({ username, passwordHash: await hashPassword(PASSWORD) })
    .where(eq(tables.officials.id, id));
  return { id, email, username };
}

export interface Answer {
  status: number;
  body: Record<string, unknown> | null;
  headers: Headers;
}

/** A JSON request with optional cookie and CSRF token. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  opts: { body?: unknown; cookie?: string; csrf?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.csrf) headers['x-csrf-token'] = opts.csrf;
  const res = await fetch(baseUrl + path, {
    method,
    headers,
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
    headers: res.headers,
  };
}

/** Signs in; returns the answer, the `name=value` cookie and the CSRF token. */
export async function signIn(baseUrl: string, login: string, password = PASSWORD, totp?: string) {
  const res = await call(baseUrl, 'POST', '/v1/auth/sign-in', {
    body: { login, password, ...(totp ? { totp } : {}) },
  });
  const setCookie = res.headers.getSetCookie()[0] ?? '';
  return {
    ...res,
    setCookie,
    cookie: setCookie.split(';')[0] ?? '',
    csrf: (res.body?.csrfToken as string | undefined) ?? '',
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

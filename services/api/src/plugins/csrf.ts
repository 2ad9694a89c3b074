import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '@hotline/core';

/** The header a signed-in browser echoes its CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Synchronizer-token CSRF check: a state-changing request carrying the session cookie must send
 * the token stored in that session (handed out at sign-in and by GET /v1/auth/me). Requests with
 * a bearer token carry no ambient credential and never reach this check.
 */
export function assertCsrf(request: FastifyRequest, expected: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  const sent = request.headers[CSRF_HEADER];
  const token = typeof sent === 'string' ? sent : '';
  // Comparing digests keeps the comparison constant-time whatever the lengths.
  if (!token || !timingSafeEqual(digest(token), digest(expected))) {
    throw new AppError(
      'CSRF_INVALID',
      `a valid ${CSRF_HEADER} header is required with the session cookie`,
    );
  }
}

/** How a state-changing cookie request proves it comes from our pages. */
export type CsrfCheck = 'token' | 'same-origin';

/**
 * For pages that cannot send our CSRF header (the queue dashboard's own script): a write must
 * say it comes from this origin (Sec-Fetch-Site, else Origin against Host). The session cookie
 * is SameSite=Strict as well.
 */
export function assertSameOrigin(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const isSameOrigin =
    site !== undefined
      ? site === 'same-origin'
      : origin !== undefined && URL.canParse(origin) && new URL(origin).host === request.host;
  if (!isSameOrigin) {
    throw new AppError('CSRF_INVALID', 'a write with the session cookie must come from this site');
  }
}

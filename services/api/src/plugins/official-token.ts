import type { FastifyRequest } from 'fastify';
import { AppError, authenticateOfficialToken, type TokenPrincipal } from '@hotline/core';
import type { Database } from '@hotline/db';

declare module 'fastify' {
  interface FastifyRequest {
    /** The official behind the request's bearer token (routes behind officialTokenGuard). */
    official?: TokenPrincipal;
  }
}

/**
 * Officials' API tokens (`Authorization: Bearer hlt_…`), for integrations such as a
 * switchboard logging calls. Sign-in with a session cookie comes with the console.
 */
export function officialTokenGuard(db: Database) {
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    request.official = await authenticateOfficialToken({ db }, token, new Date());
  };
}

/** The authenticated official; only for handlers behind the guard. */
export function officialOf(request: FastifyRequest): TokenPrincipal {
  if (!request.official) throw new AppError('UNAUTHORIZED', 'an official token is required');
  return request.official;
}

import type { FastifyRequest } from 'fastify';
import { AppError, authenticateOfficialToken, type ActingOfficial } from '@hotline/core';
import type { Database } from '@hotline/db';

declare module 'fastify' {
  interface FastifyRequest {
    /** The official making the request (routes behind officialGuard). */
    official?: ActingOfficial;
  }
}

/** Finds the official of a signed-in session (cookie), or null when there is none. */
export type SessionResolver = (request: FastifyRequest) => Promise<ActingOfficial | null>;

/**
 * Officials' routes: a signed-in session (cookie, with its CSRF check, when a resolver is
 * given) or an API token (`Authorization: Bearer hlt_…`); otherwise 401.
 */
export function officialGuard(deps: { db: Database; sessions?: SessionResolver }) {
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization ?? '';
    if (header.startsWith('Bearer ')) {
      request.official = await authenticateOfficialToken(
        { db: deps.db },
        header.slice(7).trim(),
        new Date(),
      );
      return;
    }
    const session = deps.sessions ? await deps.sessions(request) : null;
    if (!session) throw new AppError('UNAUTHORIZED', 'sign in, or send an official API token');
    request.official = session;
  };
}

/** Token-only variant, for integrations that never hold a session (the switchboard). */
export const officialTokenGuard = (db: Database) => officialGuard({ db });

/** The authenticated official; only for handlers behind the guard. */
export function officialOf(request: FastifyRequest): ActingOfficial {
  if (!request.official) throw new AppError('UNAUTHORIZED', 'an official is required');
  return request.official;
}

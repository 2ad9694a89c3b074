import type { FastifyRequest } from 'fastify';
import { AppError, authenticateOfficialToken, type ActingOfficial } from '@hotline/core';
import type { CredentialCache, Database } from '@hotline/db';

declare module 'fastify' {
  interface FastifyRequest {
    /** The official making the request (routes behind officialGuard). */
    official?: ActingOfficial;
  }
}

/**
 * Finds the official of a request, or null when it carries no credential: a bearer token, else
 * a signed-in session's cookie (CSRF-checked). officialSessions().resolver is the app's one.
 */
export type OfficialResolver = (request: FastifyRequest) => Promise<ActingOfficial | null>;

/** The official of an `Authorization: Bearer hlt_…` header; null without one. */
export async function tokenOfficial(
  request: FastifyRequest,
  deps: { db: Database; credentials?: CredentialCache },
): Promise<ActingOfficial | null> {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Bearer ')) return null;
  return authenticateOfficialToken(deps, header.slice(7).trim(), new Date());
}

/**
 * Officials' routes: whoever `sessions` finds (an API token or a signed-in session), or, with
 * no resolver, an API token (`Authorization: Bearer hlt_…`); otherwise 401.
 */
export function officialGuard(deps: { db: Database; sessions?: OfficialResolver }) {
  return async (request: FastifyRequest) => {
    const official = deps.sessions
      ? await deps.sessions(request)
      : await tokenOfficial(request, deps);
    if (!official) throw new AppError('UNAUTHORIZED', 'sign in, or send an official API token');
    request.official = official;
  };
}

/** Token-only variant, for integrations that never hold a session (the switchboard). */
export const officialTokenGuard = (db: Database) => officialGuard({ db });

/** The authenticated official; only for handlers behind the guard. */
export function officialOf(request: FastifyRequest): ActingOfficial {
  if (!request.official) throw new AppError('UNAUTHORIZED', 'an official is required');
  return request.official;
}

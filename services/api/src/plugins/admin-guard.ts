import type { FastifyRequest } from 'fastify';
import { AppError, requireAccess, type ActingOfficial } from '@hotline/core';
import type { OfficialResolver } from './official-token.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The administrator of a request behind adminGuard. */
    administrator?: ActingOfficial;
  }
}

/**
 * The administrator making a request, or 401/403: a signed-in official with the admin role
 * (session cookie, CSRF-checked by the resolver; administrators sign in with a second factor),
 * or an official's API token carrying the `admin` scope whose official holds the admin role.
 * There is no key of its own: every administrative change names the official who made it.
 */
export async function requireAdministrator(
  request: FastifyRequest,
  resolve: OfficialResolver,
): Promise<ActingOfficial> {
  if (request.administrator) return request.administrator;
  const official = await resolve(request);
  if (!official) {
    throw new AppError(
      'UNAUTHORIZED',
      'sign in as an administrator, or send an admin-scoped API token (Authorization: Bearer hlt_…)',
    );
  }
  requireAccess(official, 'admin');
  request.official = official;
  request.administrator = official;
  return official;
}

/** A preHandler for a folder of admin routes (see requireAdministrator). */
export const adminGuard = (resolve: OfficialResolver) => async (request: FastifyRequest) => {
  await requireAdministrator(request, resolve);
};

/** The acting administrator's id; only for handlers behind adminGuard. */
export function adminActorOf(request: FastifyRequest): string {
  if (!request.administrator) throw new AppError('UNAUTHORIZED', 'an administrator is required');
  return request.administrator.principal.officialId;
}

/** Who issues (for rules that depend on how the administrator proved who they are). */
export function adminIssuerOf(request: FastifyRequest): ActingOfficial {
  if (!request.administrator) throw new AppError('UNAUTHORIZED', 'an administrator is required');
  return request.administrator;
}

/** The admin routes' OpenAPI security: either credential. */
export const ADMIN_SECURITY: Record<string, string[]>[] = [{ session: [] }, { officialToken: [] }];

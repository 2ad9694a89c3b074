import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError, requireRole, type AdminActor } from '@hotline/core';
import type { OfficialResolver } from './official-token.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is administering (routes behind adminTokenGuard): an official's id, null for the token. */
    adminActor?: AdminActor;
  }
}

/**
 * Admin routes: `Authorization: Bearer $ADMIN_TOKEN` (tools, scripts, tests), or a signed-in
 * official with the admin role (session cookie, CSRF-checked by the resolver). Without
 * ADMIN_TOKEN configured only the signed-in administrators get in. The acting official is kept
 * on the request (`adminActor`), for the routes that audit.
 */
export function adminTokenGuard(adminToken: string | undefined, sessions?: OfficialResolver) {
  const expected = adminToken ? digest(adminToken) : null;
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization ?? '';
    if (header.startsWith('Bearer ')) {
      const token = header.slice(7);
      // Comparing digests keeps the comparison constant-time whatever the lengths.
      if (!expected || !token || !timingSafeEqual(digest(token), expected)) {
        throw new AppError(
          'UNAUTHORIZED',
          'a valid admin token (Authorization: Bearer …) or an administrator’s session is required',
        );
      }
      request.adminActor = null;
      return;
    }
    const official = sessions ? await sessions(request) : null;
    if (!official) {
      throw new AppError(
        'UNAUTHORIZED',
        expected || sessions
          ? 'sign in as an administrator, or send the admin token (Authorization: Bearer …)'
          : 'the admin API is disabled: set ADMIN_TOKEN',
      );
    }
    requireRole(official, ['admin']);
    request.official = official;
    request.adminActor = official.principal.officialId;
  };
}

/** The acting administrator of a request behind adminTokenGuard (null: the admin token). */
export const adminActorOf = (request: FastifyRequest): AdminActor => request.adminActor ?? null;

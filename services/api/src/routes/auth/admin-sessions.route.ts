import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  ErrorResponse,
  OfficialIdParams,
  PasswordResetResponse,
  RevokedSessionsResponse,
  TotpResetResponse,
} from '@hotline/contracts';
import {
  AppError,
  requireRole,
  resetPassword,
  resetTotp,
  revokeOfficialSessions,
  type AuthDeps,
} from '@hotline/core';
import { clientOf, type OfficialSessions } from '../../plugins/official-session.js';

const ERRORS = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Administrators end an official's sessions, reset their password or their second factor. Allowed to a signed-in
 * admin (session, CSRF-checked) or with the placeholder ADMIN_TOKEN (tools, tests).
 */
export const adminSessionRoutes =
  (
    deps: AuthDeps & { web: OfficialSessions; adminToken: string | undefined },
  ): FastifyPluginAsyncTypebox =>
  async (app) => {
    const expected = deps.adminToken ? digest(deps.adminToken) : null;
    /** The acting administrator's id, or null for the admin token. */
    async function administrator(request: FastifyRequest): Promise<string | null> {
      const header = request.headers.authorization ?? '';
      if (header.startsWith('Bearer ')) {
        if (expected && timingSafeEqual(digest(header.slice(7)), expected)) return null;
        throw new AppError('UNAUTHORIZED', 'a valid admin token or an administrator’s session');
      }
      const { official } = await deps.web.require(request);
      requireRole(official, ['admin']);
      return official.principal.officialId;
    }

    app.post(
      '/v1/admin/officials/:officialId/revoke-sessions',
      {
        schema: {
          summary: 'Sign an official out everywhere, at once',
          tags: ['admin'],
          params: OfficialIdParams,
          response: { 200: RevokedSessionsResponse, ...ERRORS },
        },
      },
      async (request) =>
        revokeOfficialSessions(
          deps,
          request.params.officialId,
          await administrator(request),
          clientOf(request),
        ),
    );
    app.post(
      '/v1/admin/officials/:officialId/reset-password',
      {
        schema: {
          summary: 'Reset a password: a one-time temporary password, shown once',
          tags: ['admin'],
          params: OfficialIdParams,
          response: { 200: PasswordResetResponse, ...ERRORS },
        },
      },
      async (request, reply) => {
        const by = await administrator(request);
        const result = await resetPassword(deps, request.params.officialId, by, clientOf(request));
        return reply.header('cache-control', 'no-store').send(result);
      },
    );
    app.post(
      '/v1/admin/officials/:officialId/reset-totp',
      {
        schema: {
          summary: 'Reset a second factor (a lost phone): the official enrolls again',
          tags: ['admin'],
          params: OfficialIdParams,
          response: { 200: TotpResetResponse, ...ERRORS },
        },
      },
      async (request) =>
        resetTotp(deps, request.params.officialId, await administrator(request), clientOf(request)),
    );
  };

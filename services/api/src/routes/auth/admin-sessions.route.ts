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
  resetPassword,
  resetTotp,
  revokeOfficialSessions,
  type AuthDeps,
} from '@hotline/core';
import { clientOf, type OfficialSessions } from '../../plugins/official-session.js';
import { requireAdministrator } from '../../plugins/admin-guard.js';

const ERRORS = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/**
 * Administrators end an official's sessions (a signed-in administrator or an admin-scoped
 * token), reset their password or their second factor (a signed-in administrator only); who
 * did it is audited.
 */
export const adminSessionRoutes =
  (deps: AuthDeps & { web: OfficialSessions }): FastifyPluginAsyncTypebox =>
  async (app) => {
    /** The acting administrator's id. */
    const administrator = async (request: FastifyRequest) =>
      (await requireAdministrator(request, deps.web.resolver)).principal.officialId;
    /**
     * Resetting someone's password or second factor hands their account over: only a signed-in
     * administrator (who passed their own second factor) may, never a token, which would make
     * a leaked automation token a master key again.
     */
    const signedInAdministrator = async (request: FastifyRequest) => {
      const who = await requireAdministrator(request, deps.web.resolver);
      if (who.via !== 'session') {
        throw new AppError(
          'FORBIDDEN',
          'only a signed-in administrator resets a password or a second factor, not a token',
        );
      }
      return who.principal.officialId;
    };

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
        const by = await signedInAdministrator(request);
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
        resetTotp(
          deps,
          request.params.officialId,
          await signedInAdministrator(request),
          clientOf(request),
        ),
    );
  };

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  ChangePasswordBody,
  ErrorResponse,
  MeResponse,
  SessionIdParams,
  SessionList,
  SignInBody,
  SignInResponse,
} from '@hotline/contracts';
import {
  changePassword,
  listOwnSessions,
  revokeOwnSession,
  signIn,
  signOut,
  type AuthDeps,
} from '@hotline/core';
import { findOfficialCredentials } from '@hotline/db';
import { clientOf, type OfficialSessions } from '../../plugins/official-session.js';
import type { KnownDevices } from '../../plugins/known-device.js';
import { withRetryAfter } from './retry-after.js';
import { clientKey } from '../../plugins/client-key.js';

const ERRORS = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  423: ErrorResponse,
  429: ErrorResponse,
};
const NoContent = Type.Null();

/** Officials sign in and out, see and end their sessions, change their password. */
export const authRoutes =
  (deps: AuthDeps & { web: OfficialSessions; devices: KnownDevices }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/v1/auth/sign-in',
      {
        schema: {
          summary: 'Sign in (đăng nhập): sets the session cookie, returns the CSRF token',
          tags: ['auth'],
          body: SignInBody,
          response: { 200: SignInResponse, ...ERRORS },
        },
      },
      async (request, reply) => {
        const now = new Date();
        const origin = { address: clientKey(request), device: deps.devices.read(request, now) };
        const signed = await withRetryAfter(reply, () =>
          signIn(deps, request.body, clientOf(request), now, origin),
        );
        deps.web.setCookie(reply, signed.token);
        deps.devices.remember(reply, origin.device, signed.official.id, now);
        return {
          official: signed.official,
          csrfToken: signed.csrfToken,
          mustChangePassword: signed.mustChangePassword,
          ...(signed.recoveryCodesLeft === null
            ? {}
            : { recoveryCodesLeft: signed.recoveryCodesLeft }),
        };
      },
    );
    app.post(
      '/v1/auth/sign-out',
      { schema: { summary: 'Sign out', tags: ['auth'], response: { 204: NoContent, ...ERRORS } } },
      async (request, reply) => {
        const { session } = await deps.web.require(request, { allowPasswordChange: true });
        await signOut(deps, session, clientOf(request));
        deps.web.clearCookie(reply);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/v1/auth/me',
      {
        schema: {
          summary: 'The signed-in official and the CSRF token',
          tags: ['auth'],
          response: { 200: MeResponse, ...ERRORS },
        },
      },
      async (request) => {
        const { session, official } = await deps.web.require(request, {
          allowPasswordChange: true,
        });
        const row = await findOfficialCredentials(deps.db, official.principal.officialId);
        return {
          official: {
            id: official.principal.officialId,
            fullName: row?.fullName ?? '',
            roles: [...official.principal.roles],
            unitId: official.unitId,
          },
          csrfToken: session.record.csrfToken,
          mustChangePassword: row?.mustChangePassword ?? false,
        };
      },
    );
    app.get(
      '/v1/auth/sessions',
      {
        schema: {
          summary: 'My live sessions',
          tags: ['auth'],
          response: { 200: SessionList, ...ERRORS },
        },
      },
      async (request) => {
        const { session } = await deps.web.require(request);
        return { sessions: await listOwnSessions(deps, session, new Date()) };
      },
    );
    app.delete(
      '/v1/auth/sessions/:id',
      {
        schema: {
          summary: 'End one of my sessions',
          tags: ['auth'],
          params: SessionIdParams,
          response: { 204: NoContent, ...ERRORS },
        },
      },
      async (request, reply) => {
        const { session } = await deps.web.require(request);
        await revokeOwnSession(
          deps,
          session.record.officialId,
          request.params.id,
          clientOf(request),
        );
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/v1/auth/password',
      {
        schema: {
          summary: 'Change my password (required after a reset); other sessions end',
          tags: ['auth'],
          body: ChangePasswordBody,
          response: { 204: NoContent, ...ERRORS },
        },
      },
      async (request, reply) => {
        const { session } = await deps.web.require(request, { allowPasswordChange: true });
        await changePassword(
          deps,
          { officialId: session.record.officialId, sessionId: session.id },
          request.body,
          clientOf(request),
        );
        return reply.status(204).send(null);
      },
    );
  };

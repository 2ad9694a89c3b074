import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ErrorResponse,
  RecoveryCodesResponse,
  RenewRecoveryCodesBody,
  TotpConfirmBody,
  TotpEnrollBody,
  TotpEnrollResponse,
} from '@hotline/contracts';
import {
  AppError,
  checkCredentials,
  confirmTotp,
  enrollTotp,
  renewRecoveryCodes,
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
  409: ErrorResponse,
  423: ErrorResponse,
  429: ErrorResponse,
};

/**
 * TOTP enrolment, for a signed-in official or, with login and password, for an administrator
 * whose sign-in answered TOTP_ENROLLMENT_REQUIRED (they have no session yet).
 */
export const totpRoutes =
  (deps: AuthDeps & { web: OfficialSessions; devices: KnownDevices }): FastifyPluginAsyncTypebox =>
  async (app) => {
    async function whoEnrolls(
      request: FastifyRequest,
      reply: FastifyReply,
      body: { login?: string; password?: string },
    ) {
      if (body.login !== undefined && body.password !== undefined) {
        const input = { login: body.login, password: body.password };
        const now = new Date();
        const origin = { address: clientKey(request), device: deps.devices.read(request, now) };
        const { official } = await withRetryAfter(reply, () =>
          checkCredentials(deps, input, clientOf(request), now, origin),
        );
        return official;
      }
      const { official } = await deps.web.require(request, { allowPasswordChange: true });
      const row = await findOfficialCredentials(deps.db, official.principal.officialId);
      if (!row) throw new AppError('UNAUTHORIZED', 'sign in first');
      return row;
    }

    app.post(
      '/v1/auth/totp/enroll',
      {
        schema: {
          summary: 'Start TOTP enrolment: a secret and its otpauth URI',
          tags: ['auth'],
          body: TotpEnrollBody,
          response: { 200: TotpEnrollResponse, ...ERRORS },
        },
      },
      async (request, reply) =>
        enrollTotp(deps, await whoEnrolls(request, reply, request.body), clientOf(request)),
    );
    app.post(
      '/v1/auth/totp/confirm',
      {
        schema: {
          summary:
            'Confirm TOTP with a code from the app: the second factor is then required; returns the recovery codes, shown this once',
          tags: ['auth'],
          body: TotpConfirmBody,
          response: { 200: RecoveryCodesResponse, ...ERRORS },
        },
      },
      async (request, reply) => {
        const official = await whoEnrolls(request, reply, request.body);
        return confirmTotp(deps, official.id, request.body.code, clientOf(request), new Date());
      },
    );
    app.post(
      '/v1/auth/totp/recovery-codes',
      {
        schema: {
          summary: 'A new set of recovery codes (the password again); the old set stops working',
          tags: ['auth'],
          body: RenewRecoveryCodesBody,
          response: { 200: RecoveryCodesResponse, ...ERRORS },
        },
      },
      async (request) => {
        const { official } = await deps.web.require(request);
        return renewRecoveryCodes(
          deps,
          official.principal.officialId,
          request.body.password,
          clientOf(request),
        );
      },
    );
  };

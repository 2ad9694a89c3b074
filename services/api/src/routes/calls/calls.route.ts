import type { Static } from 'typebox';
import type { LinkBase } from '../../plugins/link-base.js';
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CallerCasesBody,
  CallerCasesResponse,
  ErrorResponse,
  IdempotencyKeyHeaders,
  LogCallBody,
  LogCallResponse,
} from '@hotline/contracts';
import { findCallerCases, logCall, pickLang } from '@hotline/core';
import type { Database, RawSql } from '@hotline/db';
import { answerIdempotently } from '../../plugins/idempotency.js';
import { officialGuard, officialOf, type OfficialResolver } from '../../plugins/official-token.js';

const ERRORS = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

/** Operators at the switchboard: log a call as a case; look up a caller's open cases. */
export const callRoutes =
  (deps: {
    db: Database;
    sql: RawSql;
    linkBase: LinkBase;
    sessions?: OfficialResolver;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addHook('preHandler', officialGuard({ db: deps.db, sessions: deps.sessions }));
    app.post(
      '/v1/calls',
      {
        schema: {
          summary: 'Log a hotline call as a case (ghi nhận cuộc gọi)',
          tags: ['calls'],
          description:
            'Send an `Idempotency-Key` to retry safely: a retry gets the first answer again ' +
            'instead of logging the call twice.',
          security: [{ officialToken: [] }],
          headers: IdempotencyKeyHeaders,
          body: LogCallBody,
          response: {
            201: LogCallResponse,
            ...ERRORS,
            409: ErrorResponse,
            422: ErrorResponse,
            503: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const who = officialOf(request);
        return answerIdempotently<Static<typeof LogCallResponse>>(
          request,
          reply,
          deps,
          { scope: 'POST /v1/calls', principal: who.principal.officialId, payload: request.body },
          async (sql) => {
            const submitted = await logCall({ sql, randomBytes }, who, request.body, new Date());
            request.log.info({ caseId: submitted.caseId }, 'call logged');
            const trackingUrl = `${deps.linkBase(request)}/v1/cases/${submitted.trackingCode}`;
            return {
              statusCode: 201,
              headers: { location: trackingUrl },
              body: {
                caseId: submitted.caseId,
                trackingCode: submitted.trackingCode,
                status: 'received' as const,
                receivedAt: submitted.receivedAt.toISOString(),
                trackingUrl,
              },
            };
          },
        );
      },
    );
    app.post(
      '/v1/calls/caller-cases',
      {
        schema: {
          summary: 'A caller’s open cases, by phone number (sent in the body, never the URL)',
          tags: ['calls'],
          security: [{ officialToken: [] }],
          body: CallerCasesBody,
          response: { 200: CallerCasesResponse, ...ERRORS },
        },
      },
      async (request) =>
        findCallerCases(
          deps,
          officialOf(request),
          request.body.phone,
          pickLang(undefined, request.headers['accept-language']),
        ),
    );
  };

import type { LinkBase } from '../../plugins/link-base.js';
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateCaseBody,
  CreateCaseResponse,
  ErrorResponse,
  IdempotencyKeyHeaders,
  LinkedCaseResponse,
} from '@hotline/contracts';
import { submitCase } from '@hotline/core';
import type { AppConfig } from '@hotline/config';
import type { RawSql } from '@hotline/db';
import { answerIdempotently } from '../../plugins/idempotency.js';
import { perPhoneCaseLimit } from '../../plugins/rate-limit.js';

/**
 * Web intake: a citizen submits a case and gets a tracking code at once, with the secret
 * owner token shown only here. The same text from the same phone within 24 h answers 200
 * with the earlier open case's code (`linked`), and no token. With an `Idempotency-Key`, a retry
 * gets the first answer (token included) and files nothing.
 */
export const createCaseRoute =
  (deps: {
    sql: RawSql;
    linkBase: LinkBase;
    bodyLimit: number;
    limits: Pick<AppConfig['rateLimit'], 'phoneCases' | 'phoneCaseWindowMs'>;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const perPhone = perPhoneCaseLimit(
      app,
      deps.limits,
      (request) => (request.body as CreateCaseBody | undefined)?.citizen?.phone,
    );
    app.post(
      '/v1/cases',
      {
        bodyLimit: deps.bodyLimit,
        preHandler: perPhone,
        schema: {
          summary: 'Submit a case (gửi phản ánh, kiến nghị)',
          tags: ['cases'],
          description:
            'Send an `Idempotency-Key` to retry safely: a retry after an uncertain answer (a 503, ' +
            'a lost connection) gets the first answer again instead of filing a second case.',
          headers: IdempotencyKeyHeaders,
          body: CreateCaseBody,
          response: {
            200: LinkedCaseResponse,
            201: CreateCaseResponse,
            400: ErrorResponse,
            413: ErrorResponse,
            415: ErrorResponse,
            409: ErrorResponse,
            422: ErrorResponse,
            429: ErrorResponse,
            503: ErrorResponse,
          },
        },
      },
      async (request, reply) =>
        answerIdempotently<CreateCaseResponse | LinkedCaseResponse>(
          request,
          reply,
          deps,
          { scope: 'POST /v1/cases', payload: request.body },
          async (sql) => {
            const submitted = await submitCase(
              { sql, randomBytes },
              { body: request.body, channel: 'web', actor: { kind: 'citizen' } },
              new Date(),
            );
            const base = deps.linkBase(request);
            const trackingUrl = `${base}/v1/cases/${submitted.trackingCode}`;
            const headers = { location: trackingUrl };
            if (submitted.ownerToken === null) {
              request.log.info({ caseId: submitted.caseId }, 'case linked to an open duplicate');
              return {
                statusCode: 200,
                headers,
                body: {
                  trackingCode: submitted.trackingCode,
                  linked: true as const,
                  duplicateOf: submitted.trackingCode,
                  receivedAt: submitted.receivedAt.toISOString(),
                  trackingUrl,
                },
              };
            }
            request.log.info({ caseId: submitted.caseId }, 'case received');
            // The token rides in the fragment: browsers never send it to a server or a Referer.
            const followUpUrl = `${base}/follow-up/${submitted.trackingCode}#token=${submitted.ownerToken}`;
            return {
              statusCode: 201,
              headers,
              body: {
                trackingCode: submitted.trackingCode,
                status: 'received' as const,
                receivedAt: submitted.receivedAt.toISOString(),
                trackingUrl,
                ownerToken: submitted.ownerToken,
                followUpUrl,
              },
            };
          },
        ),
    );
  };

import type { LinkBase } from '../../plugins/link-base.js';
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateCaseBody,
  CreateCaseResponse,
  ErrorResponse,
  LinkedCaseResponse,
} from '@hotline/contracts';
import { submitCase } from '@hotline/core';
import type { AppConfig } from '@hotline/config';
import type { RawSql } from '@hotline/db';
import { perPhoneCaseLimit } from '../../plugins/rate-limit.js';

/**
 * Web intake: a citizen submits a case and gets a tracking code at once, with the secret
 * owner token shown only here. The same text from the same phone within 24 h answers 200
 * with the earlier open case's code (`linked`), and no token.
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
          body: CreateCaseBody,
          response: {
            200: LinkedCaseResponse,
            201: CreateCaseResponse,
            400: ErrorResponse,
            413: ErrorResponse,
            415: ErrorResponse,
            429: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const submitted = await submitCase(
          { sql: deps.sql, randomBytes },
          { body: request.body, channel: 'web', actor: { kind: 'citizen' } },
          new Date(),
        );
        const base = deps.linkBase(request);
        const trackingUrl = `${base}/v1/cases/${submitted.trackingCode}`;
        if (submitted.ownerToken === null) {
          request.log.info({ caseId: submitted.caseId }, 'case linked to an open duplicate');
          return reply
            .status(200)
            .header('location', trackingUrl)
            .send({
              trackingCode: submitted.trackingCode,
              linked: true as const,
              duplicateOf: submitted.trackingCode,
              receivedAt: submitted.receivedAt.toISOString(),
              trackingUrl,
            });
        }
        request.log.info({ caseId: submitted.caseId }, 'case received');
        // The token rides in the fragment: browsers never send it to a server or a Referer.
        const followUpUrl = `${base}/follow-up/${submitted.trackingCode}#token=${submitted.ownerToken}`;
        return reply
          .status(201)
          .header('location', trackingUrl)
          .send({
            trackingCode: submitted.trackingCode,
            status: 'received' as const,
            receivedAt: submitted.receivedAt.toISOString(),
            trackingUrl,
            ownerToken: submitted.ownerToken,
            followUpUrl,
          });
      },
    );
  };

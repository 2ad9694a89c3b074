import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CreateCaseBody, CreateCaseResponse, ErrorResponse } from '@hotline/contracts';
import { submitCase } from '@hotline/core';
import type { RawSql } from '@hotline/db';

/** Web intake: a citizen submits a case and gets a tracking code at once. */
export const createCaseRoute =
  (deps: { sql: RawSql; publicBaseUrl: string; bodyLimit: number }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/v1/cases',
      {
        bodyLimit: deps.bodyLimit,
        schema: {
          summary: 'Submit a case (gửi phản ánh, kiến nghị)',
          tags: ['cases'],
          body: CreateCaseBody,
          response: {
            201: CreateCaseResponse,
            400: ErrorResponse,
            413: ErrorResponse,
            415: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const submitted = await submitCase(
          { sql: deps.sql, randomBytes },
          { body: request.body, channel: 'web', actor: { kind: 'citizen' } },
          new Date(),
        );
        request.log.info({ caseId: submitted.caseId }, 'case received');
        const trackingUrl = `${deps.publicBaseUrl}/v1/cases/${submitted.trackingCode}`;
        return reply
          .status(201)
          .header('location', trackingUrl)
          .send({
            trackingCode: submitted.trackingCode,
            status: 'received' as const,
            receivedAt: submitted.receivedAt.toISOString(),
            trackingUrl,
          });
      },
    );
  };

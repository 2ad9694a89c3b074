import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, PublicCase, TrackingCodeParams } from '@hotline/contracts';
import { getPublicCase } from '@hotline/core';
import type { Database } from '@hotline/db';

/** The public tracking page's data: status, unit and public timeline, no personal data. */
export const getCaseRoute =
  (deps: { db: Database }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/v1/cases/:trackingCode',
      {
        schema: {
          summary: 'Track a case by its code (tra cứu)',
          tags: ['cases'],
          params: TrackingCodeParams,
          response: { 200: PublicCase, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => getPublicCase(deps, request.params.trackingCode),
    );
  };

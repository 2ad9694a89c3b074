import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, LangQuery, PublicCase, TrackingCodeParams } from '@hotline/contracts';
import { getPublicCase, pickLang } from '@hotline/core';
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
          querystring: LangQuery,
          response: { 200: PublicCase, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        void reply.header('vary', 'Accept-Language');
        const lang = pickLang(request.query.lang, request.headers['accept-language']);
        return getPublicCase(deps, request.params.trackingCode, lang);
      },
    );
  };

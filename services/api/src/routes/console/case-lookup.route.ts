import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseLookupBody, CaseLookupResponse, ErrorResponse } from '@hotline/contracts';
import { lookupCases, pickLang } from '@hotline/core';
import type { Database } from '@hotline/db';
import { officialGuard, officialOf, type OfficialResolver } from '../../plugins/official-token.js';

/**
 * The console header's search, by tracking code or phone number. POST with the query in the
 * body, although it only reads: a phone number in the URL would be written to access logs,
 * proxies and the browser's history.
 */
export const caseLookupRoute =
  (deps: { db: Database; sessions?: OfficialResolver }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addHook('preHandler', officialGuard(deps));
    app.post(
      '/v1/console/case-lookup',
      {
        schema: {
          summary: 'Find cases by tracking code or citizen’s phone number (tra cứu nhanh)',
          description:
            'Within the cases the official may see. The query is in the body, never the URL, ' +
            'because it may be a phone number.',
          tags: ['console'],
          security: [{ officialToken: [] }],
          body: CaseLookupBody,
          response: {
            200: CaseLookupResponse,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
          },
        },
      },
      async (request) =>
        lookupCases(
          deps,
          officialOf(request),
          request.body.query,
          pickLang(undefined, request.headers['accept-language']),
        ),
    );
  };

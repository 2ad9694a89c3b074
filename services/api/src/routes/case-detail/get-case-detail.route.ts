import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseDetailResponse, CaseRefParams, ErrorResponse } from '@hotline/contracts';
import { getCaseDetail, pickLang } from '@hotline/core';
import type { Database } from '@hotline/db';
import { officialGuard, officialOf, type OfficialResolver } from '../../plugins/official-token.js';

/**
 * The officials' case page in one call (issue item 5): fields, contact (recorded as a personal
 * data view), deadlines, timeline, files, related cases and the actions allowed now.
 */
export const caseDetailRoute =
  (deps: { db: Database; sessions?: OfficialResolver }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addHook('preHandler', officialGuard({ db: deps.db, sessions: deps.sessions }));
    app.get(
      '/v1/cases/:id/detail',
      {
        schema: {
          summary: 'Everything about a case, for an official of its unit',
          tags: ['case-actions'],
          security: [{ officialToken: [] }],
          params: CaseRefParams,
          response: {
            200: CaseDetailResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        // Names of the category, units and commune in the console's language.
        const lang = pickLang(undefined, request.headers['accept-language']);
        const detail = await getCaseDetail(deps, officialOf(request), request.params.id, lang);
        // Personal data: never cached by a browser or proxy.
        void reply.header('cache-control', 'no-store');
        return detail;
      },
    );
  };

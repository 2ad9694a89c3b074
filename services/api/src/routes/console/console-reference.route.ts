import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ConsoleReference, ErrorResponse } from '@hotline/contracts';
import { getConsoleReference } from '@hotline/core';
import type { Database } from '@hotline/db';
import { officialGuard, officialOf, type OfficialResolver } from '../../plugins/official-token.js';

/** Units and hotline numbers for the console's forms and filters. */
export const consoleReferenceRoute =
  (deps: { db: Database; sessions?: OfficialResolver }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addHook('preHandler', officialGuard(deps));
    app.get(
      '/v1/console/reference',
      {
        schema: {
          summary: 'Active units and hotline numbers (transfer targets, filters, call form)',
          tags: ['console'],
          security: [{ officialToken: [] }],
          response: { 200: ConsoleReference, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => getConsoleReference(deps, officialOf(request)),
    );
  };

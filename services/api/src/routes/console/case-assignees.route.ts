import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseAssignees, CaseRefParams, ErrorResponse } from '@hotline/contracts';
import { listCaseAssignees } from '@hotline/core';
import type { Database } from '@hotline/db';
import { officialGuard, officialOf, type OfficialResolver } from '../../plugins/official-token.js';

/** Who a case may be assigned to (the assign and reassign forms). */
export const caseAssigneesRoute =
  (deps: { db: Database; sessions?: OfficialResolver }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addHook('preHandler', officialGuard(deps));
    app.get(
      '/v1/cases/:id/assignees',
      {
        schema: {
          summary: 'The officials of the case’s unit it may be given to, with their load',
          tags: ['case-actions'],
          security: [{ officialToken: [] }],
          params: CaseRefParams,
          response: {
            200: CaseAssignees,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request) => listCaseAssignees(deps, officialOf(request), request.params.id),
    );
  };

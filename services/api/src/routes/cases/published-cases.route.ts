import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, PublishedCaseList, PublishedCasesQuery } from '@hotline/contracts';
import { listPublishedCases } from '@hotline/core';
import type { Database } from '@hotline/db';

/** Answered cases whose citizens agreed to publication, contacts stripped, newest first. */
export const publishedCasesRoute =
  (deps: { db: Database }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/v1/published-cases',
      {
        schema: {
          summary: 'Published cases and their answers (công khai kết quả)',
          tags: ['cases'],
          querystring: PublishedCasesQuery,
          response: { 200: PublishedCaseList, 400: ErrorResponse },
        },
      },
      async (request) => listPublishedCases(deps, request.query),
    );
  };

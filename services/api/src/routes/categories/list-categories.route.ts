import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CategoryList, CategoryListQuery } from '@hotline/contracts';
import { listCategories } from '@hotline/core';
import type { Database } from '@hotline/db';

export const listCategoriesRoute =
  (deps: { db: Database }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/v1/categories',
      {
        schema: {
          summary: 'Categories a case can be filed under (lĩnh vực)',
          tags: ['reference'],
          querystring: CategoryListQuery,
          response: { 200: CategoryList },
        },
      },
      async (request) => listCategories(deps, request.query),
    );
  };

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CategoryList } from '@hotline/contracts';
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
          response: { 200: CategoryList },
        },
      },
      async () => listCategories(deps),
    );
  };

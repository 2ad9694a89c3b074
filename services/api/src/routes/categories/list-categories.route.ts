import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CategoryList, CategoryListQuery } from '@hotline/contracts';
import { listCategories, pickLang } from '@hotline/core';
import type { Database } from '@hotline/db';

export const listCategoriesRoute =
  (deps: { db: Database }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/v1/categories',
      {
        schema: {
          summary: 'Categories a case can be filed under (lĩnh vực), named in the language asked',
          tags: ['reference'],
          querystring: CategoryListQuery,
          response: { 200: CategoryList },
        },
      },
      async (request, reply) => {
        // The answer depends on the header: caches must keep one per language.
        void reply.header('vary', 'Accept-Language');
        const lang = pickLang(request.query.lang, request.headers['accept-language']);
        return listCategories(deps, request.query, lang);
      },
    );
  };

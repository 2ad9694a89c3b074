import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AdminCategoryList,
  AdminCategoryView,
  CategoryCodeParams,
  CategoryCreateBody,
  CategoryPatchBody,
} from '@hotline/contracts';
import {
  createCategory,
  deactivateCategory,
  listAdminCategories,
  updateCategory,
} from '@hotline/core';
import {
  ADMIN_ERRORS,
  adminSecurity as security,
  administratorOf,
  type AdminOrgDeps,
} from './admin-units.route.js';

/** Admin: categories (lĩnh vực), inactive ones included. */
export const adminCategoryRoutes =
  (deps: AdminOrgDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const administrator = administratorOf(deps);
    const tags = ['admin'];
    app.get(
      '/v1/admin/categories',
      { schema: { tags, security, response: { 200: AdminCategoryList, ...ADMIN_ERRORS } } },
      async (request) => {
        await administrator(request);
        return listAdminCategories(deps);
      },
    );
    app.post(
      '/v1/admin/categories',
      {
        schema: {
          summary: 'Add a category',
          tags,
          security,
          body: CategoryCreateBody,
          response: { 201: AdminCategoryView, ...ADMIN_ERRORS },
        },
      },
      async (request, reply) => {
        const by = await administrator(request);
        return reply.status(201).send(await createCategory(deps, request.body, by));
      },
    );
    app.patch(
      '/v1/admin/categories/:code',
      {
        schema: {
          summary: 'Change a category (its code stays)',
          tags,
          security,
          params: CategoryCodeParams,
          body: CategoryPatchBody,
          response: { 200: AdminCategoryView, ...ADMIN_ERRORS },
        },
      },
      async (request) =>
        updateCategory(deps, request.params.code, request.body, await administrator(request)),
    );
    app.post(
      '/v1/admin/categories/:code/deactivate',
      {
        schema: {
          summary: 'Take a category out of the choices; its cases keep it',
          tags,
          security,
          params: CategoryCodeParams,
          response: { 200: AdminCategoryView, ...ADMIN_ERRORS },
        },
      },
      async (request) =>
        deactivateCategory(deps, request.params.code, await administrator(request)),
    );
  };

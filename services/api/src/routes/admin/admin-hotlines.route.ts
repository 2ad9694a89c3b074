import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  HotlineCreateBody,
  HotlineIdParams,
  HotlineList,
  HotlinePatchBody,
  HotlineView,
} from '@hotline/contracts';
import { createHotline, listHotlines, updateHotline } from '@hotline/core';
import {
  ADMIN_ERRORS,
  adminSecurity as security,
  administratorOf,
  type AdminOrgDeps,
} from './admin-units.route.js';

/** Admin: published hotline numbers, their owners and units. */
export const adminHotlineRoutes =
  (deps: AdminOrgDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const administrator = administratorOf(deps);
    const tags = ['admin'];
    app.get(
      '/v1/admin/hotlines',
      {
        schema: { tags, security, response: { 200: HotlineList, ...ADMIN_ERRORS } },
      },
      async (request) => {
        await administrator(request);
        return listHotlines(deps);
      },
    );
    app.post(
      '/v1/admin/hotlines',
      {
        schema: {
          summary: 'Add a hotline number (stored in E.164)',
          tags,
          security,
          body: HotlineCreateBody,
          response: { 201: HotlineView, ...ADMIN_ERRORS },
        },
      },
      async (request, reply) => {
        const by = await administrator(request);
        return reply.status(201).send(await createHotline(deps, request.body, by));
      },
    );
    app.patch(
      '/v1/admin/hotlines/:hotlineId',
      {
        schema: {
          summary: 'Change a hotline: number, owner, unit, names, active',
          tags,
          security,
          params: HotlineIdParams,
          body: HotlinePatchBody,
          response: { 200: HotlineView, ...ADMIN_ERRORS },
        },
      },
      async (request) =>
        updateHotline(deps, request.params.hotlineId, request.body, await administrator(request)),
    );
  };

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AdminOfficialList,
  AdminOfficialView,
  OfficialCreateBody,
  OfficialIdParams,
  OfficialListQuery,
  OfficialPatchBody,
} from '@hotline/contracts';
import { createOfficial, listOfficials, updateOfficial } from '@hotline/core';
import {
  ADMIN_ERRORS,
  adminSecurity as security,
  administratorOf,
  type AdminOrgDeps,
} from './admin-units.route.js';

/** Admin: officials, their units and roles. */
export const adminOfficialRoutes =
  (deps: AdminOrgDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const administrator = administratorOf(deps);
    const tags = ['admin'];
    app.get(
      '/v1/admin/officials',
      {
        schema: {
          summary: 'Officials, filtered by unit, role and active',
          tags,
          security,
          querystring: OfficialListQuery,
          response: { 200: AdminOfficialList, ...ADMIN_ERRORS },
        },
      },
      async (request) => {
        await administrator(request);
        return listOfficials(deps, request.query);
      },
    );
    app.post(
      '/v1/admin/officials',
      {
        schema: {
          summary: 'Add an official',
          tags,
          security,
          body: OfficialCreateBody,
          response: { 201: AdminOfficialView, ...ADMIN_ERRORS },
        },
      },
      async (request, reply) => {
        const by = await administrator(request);
        return reply.status(201).send(await createOfficial(deps, request.body, by));
      },
    );
    app.patch(
      '/v1/admin/officials/:officialId',
      {
        schema: {
          summary: 'Change an official: roles, unit, title, phone, active, absent',
          tags,
          security,
          params: OfficialIdParams,
          body: OfficialPatchBody,
          response: { 200: AdminOfficialView, ...ADMIN_ERRORS },
        },
      },
      async (request) =>
        updateOfficial(deps, request.params.officialId, request.body, await administrator(request)),
    );
  };

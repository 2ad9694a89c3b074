import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  ErrorResponse,
  UnitCodeParams,
  UnitCreateBody,
  UnitListQuery,
  UnitMergeBody,
  UnitMergeResult,
  UnitPatchBody,
  UnitTree,
  UnitView,
} from '@hotline/contracts';
import {
  createUnit,
  deactivateUnit,
  listUnitTree,
  mergeUnits,
  updateUnit,
  type AdminActor,
} from '@hotline/core';
import type { Database } from '@hotline/db';
import type { OfficialSessions } from '../../plugins/official-session.js';
import { requireAdministrator, ADMIN_SECURITY } from '../../plugins/admin-guard.js';

/** What the organisation admin routes need. */
export interface AdminOrgDeps {
  db: Database;
  web: OfficialSessions;
}

export const ADMIN_ERRORS = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
export const adminSecurity = ADMIN_SECURITY;

/**
 * The acting administrator's id, recorded in the audit: a signed-in administrator (session,
 * CSRF-checked) or an admin-scoped API token of an administrator (requireAdministrator).
 */
export function administratorOf(deps: AdminOrgDeps) {
  return async (request: FastifyRequest): Promise<AdminActor> =>
    (await requireAdministrator(request, deps.web.resolver)).principal.officialId;
}

/** Admin: the tree of administrative units, their changes, and merges (reorganisation). */
export const adminUnitRoutes =
  (deps: AdminOrgDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const administrator = administratorOf(deps);
    const tags = ['admin'];
    const security = adminSecurity;
    app.get(
      '/v1/admin/units',
      {
        schema: {
          summary: 'Units as a tree',
          tags,
          security,
          querystring: UnitListQuery,
          response: { 200: UnitTree, ...ADMIN_ERRORS },
        },
      },
      async (request) => {
        await administrator(request);
        return listUnitTree(deps, request.query);
      },
    );
    app.post(
      '/v1/admin/units',
      {
        schema: {
          summary: 'Add a unit',
          tags,
          security,
          body: UnitCreateBody,
          response: { 201: UnitView, ...ADMIN_ERRORS },
        },
      },
      async (request, reply) => {
        const by = await administrator(request);
        return reply.status(201).send(await createUnit(deps, request.body, by));
      },
    );
    app.patch(
      '/v1/admin/units/:code',
      {
        schema: {
          summary: 'Change a unit: name, kind, parent, calendar, flags',
          tags,
          security,
          params: UnitCodeParams,
          body: UnitPatchBody,
          response: { 200: UnitView, ...ADMIN_ERRORS },
        },
      },
      async (request) =>
        updateUnit(deps, request.params.code, request.body, await administrator(request)),
    );
    app.post(
      '/v1/admin/units/:code/deactivate',
      {
        schema: {
          summary: 'Deactivate a unit that holds no open case, official or active unit',
          tags,
          security,
          params: UnitCodeParams,
          response: { 200: UnitView, ...ADMIN_ERRORS },
        },
      },
      async (request) => deactivateUnit(deps, request.params.code, await administrator(request)),
    );
    app.post(
      '/v1/admin/units/:code/merge',
      {
        schema: {
          summary: 'Merge the unit into another: officials, hotlines, rules, units and open cases',
          tags,
          security,
          params: UnitCodeParams,
          body: UnitMergeBody,
          response: { 200: UnitMergeResult, ...ADMIN_ERRORS },
        },
      },
      async (request) =>
        mergeUnits(
          deps,
          request.params.code,
          request.body.into,
          await administrator(request),
          new Date(),
        ),
    );
  };

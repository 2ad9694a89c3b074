import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { UnitCodeParams, UnitMergePreview } from '@hotline/contracts';
import { previewUnitMerge } from '@hotline/core';
import {
  ADMIN_ERRORS,
  adminSecurity as security,
  administratorOf,
  type AdminOrgDeps,
} from './admin-units.route.js';

/** Admin: what a unit's merge would move, shown in the confirmation before merging. */
export const adminUnitMergePreviewRoute =
  (deps: AdminOrgDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const administrator = administratorOf(deps);
    app.get(
      '/v1/admin/units/:code/merge-preview',
      {
        schema: {
          summary: 'What merging the unit would move: officials, hotlines, units, rules, cases',
          tags: ['admin'],
          security,
          params: UnitCodeParams,
          response: { 200: UnitMergePreview, ...ADMIN_ERRORS },
        },
      },
      async (request) => {
        await administrator(request);
        return previewUnitMerge(deps, request.params.code);
      },
    );
  };

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ADMIN_SECURITY } from '../../plugins/admin-guard.js';
import { AdminAuditPage, AdminAuditQuery, ErrorResponse } from '@hotline/contracts';
import { listAdminAudit } from '@hotline/core';
import type { Database } from '@hotline/db';

const security = ADMIN_SECURITY;

/** Admin: what administrators changed, who changed it, and the values before and after. */
export const adminAuditRoutes =
  (deps: { db: Database }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/v1/admin/audit',
      {
        schema: {
          summary: 'Administrative changes, newest first, optionally of one entity',
          tags: ['admin'],
          security,
          querystring: AdminAuditQuery,
          response: {
            200: AdminAuditPage,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
          },
        },
      },
      async (request) => listAdminAudit(deps, request.query),
    );
  };

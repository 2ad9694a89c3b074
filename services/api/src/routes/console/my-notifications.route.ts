import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, MyNotifications, MyNotificationsQuery } from '@hotline/contracts';
import { DEFAULT_NOTIFICATIONS_LIMIT, listMyNotifications } from '@hotline/core';
import type { Database } from '@hotline/db';
import { officialGuard, officialOf, type OfficialResolver } from '../../plugins/official-token.js';

/** The signed-in official's inbox: the console's bell polls it. */
export const myNotificationsRoute =
  (deps: { db: Database; sessions?: OfficialResolver }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addHook('preHandler', officialGuard(deps));
    app.get(
      '/v1/me/notifications',
      {
        schema: {
          summary: 'What concerns me: assignments, escalations, warnings, requests to decide',
          tags: ['console'],
          security: [{ officialToken: [] }],
          querystring: MyNotificationsQuery,
          response: { 200: MyNotifications, 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return listMyNotifications(
          deps,
          officialOf(request),
          request.query.limit ?? DEFAULT_NOTIFICATIONS_LIMIT,
        );
      },
    );
  };

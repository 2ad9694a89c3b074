import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorResponse,
  MarkedRead,
  MyNotifications,
  MyNotificationsQuery,
  NotificationParams,
} from '@hotline/contracts';
import {
  DEFAULT_NOTIFICATIONS_LIMIT,
  listMyNotifications,
  markMyNotificationsRead,
} from '@hotline/core';
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
    app.post(
      '/v1/me/notifications/:id/read',
      {
        schema: {
          summary: 'Marks one of my notifications read (I opened it)',
          tags: ['console'],
          security: [{ officialToken: [] }],
          params: NotificationParams,
          response: { 200: MarkedRead, 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (request) =>
        markMyNotificationsRead(deps, officialOf(request), request.params.id, new Date()),
    );
    app.post(
      '/v1/me/notifications/read',
      {
        schema: {
          summary: 'Marks all my notifications read',
          tags: ['console'],
          security: [{ officialToken: [] }],
          response: { 200: MarkedRead, 401: ErrorResponse },
        },
      },
      async (request) => markMyNotificationsRead(deps, officialOf(request), undefined, new Date()),
    );
  };

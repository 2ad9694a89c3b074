import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DeadLetterList,
  DeadLetterQuery,
  ErrorResponse,
  NotificationIdParams,
  RetriedNotification,
} from '@hotline/contracts';
import { listDeadLetters, retryDeadLetter } from '@hotline/core';
import type { Database } from '@hotline/db';
import { adminActorOf, ADMIN_SECURITY } from '../../plugins/admin-guard.js';

const security = ADMIN_SECURITY;

/**
 * Admin: notifications that failed every try (dead letters) or whose outcome is unknown
 * (unconfirmed), and sending one again.
 */
export const adminNotificationRoutes =
  (deps: { db: Database }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const tags = ['admin'];
    app.get(
      '/v1/admin/notifications/dead-letters',
      {
        schema: {
          summary:
            'Notifications that failed every try or may have been sent (unconfirmed), newest first (no addresses, no text)',
          tags,
          security,
          querystring: DeadLetterQuery,
          response: { 200: DeadLetterList, 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (request) => listDeadLetters(deps, { limit: request.query.limit ?? 100 }),
    );
    app.post(
      '/v1/admin/notifications/:id/retry',
      {
        schema: {
          summary: 'Send a dead or unconfirmed notification again (a new round of tries)',
          tags,
          security,
          params: NotificationIdParams,
          response: {
            202: RetriedNotification,
            400: ErrorResponse,
            401: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(await retryDeadLetter(deps, request.params.id, new Date(), adminActorOf(request))),
    );
  };

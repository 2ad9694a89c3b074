import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, QueuePage, QueueParams, QueueQuery } from '@hotline/contracts';
import { listQueue, newQueueCountCache, pickLang } from '@hotline/core';
import type { Database } from '@hotline/db';
import { officialGuard, officialOf, type OfficialResolver } from '../../plugins/official-token.js';

const ERRORS = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

/** Officials' work queues, each within the cases the official may see. */
export const queueRoutes =
  (deps: { db: Database; sessions?: OfficialResolver }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const counts = newQueueCountCache();
    app.addHook('preHandler', officialGuard({ db: deps.db, sessions: deps.sessions }));
    app.get(
      '/v1/queues/:queue',
      {
        schema: {
          summary: 'An official’s queue of cases (hàng đợi xử lý), filtered, by deadline',
          tags: ['queues'],
          security: [{ officialToken: [] }],
          params: QueueParams,
          querystring: QueueQuery,
          response: { 200: QueuePage, ...ERRORS },
        },
      },
      async (request) =>
        listQueue(
          { db: deps.db, counts },
          officialOf(request),
          request.params.queue,
          request.query,
          new Date(),
          // Names of categories and units in the console's language (it sends Accept-Language).
          pickLang(undefined, request.headers['accept-language']),
        ),
    );
  };

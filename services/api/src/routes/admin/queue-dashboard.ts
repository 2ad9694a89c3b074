import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import { AppError, auditQueueOperation, isRedisUnavailable } from '@hotline/core';
import type { CredentialCache, Database } from '@hotline/db';
import { queueOperationOf } from './queue-operation.js';
import { adminActorOf, requireAdministrator } from '../../plugins/admin-guard.js';
import type { OfficialSessions } from '../../plugins/official-session.js';
import { tokenOfficial } from '../../plugins/official-token.js';
import { sendRedisUnavailable, STATUS } from '../../plugins/error-handler.js';

const BASE_PATH = '/admin/queues';
const API_PATH = `${BASE_PATH}/api`;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The BullMQ dashboard for administrators at /admin/queues: a signed-in administrator's
 * session (the dashboard's own script cannot send our CSRF header, so its writes must come
 * from this origin) or an admin-scoped API token. Every operation that succeeds (retry,
 * clean, pause, …) is recorded in the admin audit with the administrator who did it.
 */
export async function registerQueueDashboard(
  app: FastifyInstance,
  queues: readonly Queue[],
  deps: { db: Database; web: OfficialSessions; credentials?: CredentialCache },
) {
  const resolve = async (request: FastifyRequest) =>
    (await tokenOfficial(request, deps)) ??
    (await deps.web.require(request, { csrf: 'same-origin' })).official;
  await app.register(async (scope) => {
    // preHandler: after the app's credential limit has had its say. Answered here: the
    // dashboard's routes have bull-board's error handler, which would make a refusal a 500.
    scope.addHook('preHandler', async (request, reply) => {
      try {
        await requireAdministrator(request, resolve);
      } catch (err) {
        if (isRedisUnavailable(err)) return sendRedisUnavailable(reply);
        if (!(err instanceof AppError)) throw err;
        const statusCode = STATUS[err.code];
        return reply.status(statusCode).send({ statusCode, code: err.code, message: err.message });
      }
    });
    // onSend, not onResponse: if the record cannot be written the caller hears an error
    // rather than a success nobody can trace.
    scope.addHook('onSend', async (request, reply, payload) => {
      const route = request.routeOptions.url;
      if (READS.has(request.method) || reply.statusCode >= 400) return payload;
      if (!route?.startsWith(`${API_PATH}/`)) return payload;
      const params = request.params as Record<string, string | undefined>;
      const op = queueOperationOf(route.slice(API_PATH.length), params);
      await auditQueueOperation(deps, adminActorOf(request), op);
      return payload;
    });
    const serverAdapter = new FastifyAdapter();
    createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter });
    serverAdapter.setBasePath(BASE_PATH);
    await scope.register(serverAdapter.registerPlugin(), { prefix: BASE_PATH });
  });
}

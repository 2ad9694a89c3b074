import type { FastifyInstance } from 'fastify';
import basicAuth from '@fastify/basic-auth';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Queue } from 'bullmq';
import { auditQueueOperation } from '@hotline/core';
import type { Database } from '@hotline/db';
import { queueOperationOf } from './queue-operation.js';

const BASE_PATH = '/admin/queues';
const API_PATH = `${BASE_PATH}/api`;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The BullMQ dashboard for administrators at /admin/queues. A browser cannot send a bearer
 * token, so until officials sign in it asks for HTTP Basic credentials: user `admin`, the
 * admin token as password. Closed when no token is configured. Every operation that succeeds
 * (retry, clean, pause, …) is recorded in the admin audit, as by the admin token.
 */
export async function registerQueueDashboard(
  app: FastifyInstance,
  queues: readonly Queue[],
  adminToken: string | undefined,
  deps: { db: Database },
) {
  const expected = adminToken ? digest(`admin:${adminToken}`) : null;
  await app.register(async (scope) => {
    await scope.register(basicAuth, {
      authenticate: { realm: 'Hotline queues' },
      validate: async (username, password) => {
        if (!expected || !timingSafeEqual(digest(`${username}:${password}`), expected)) {
          throw new Error('Unauthorized');
        }
      },
    });
    scope.addHook('onRequest', scope.basicAuth);
    // onSend, not onResponse: if the record cannot be written the caller hears an error
    // rather than a success nobody can trace.
    scope.addHook('onSend', async (request, reply, payload) => {
      const route = request.routeOptions.url;
      if (READS.has(request.method) || reply.statusCode >= 400) return payload;
      if (!route?.startsWith(`${API_PATH}/`)) return payload;
      const params = request.params as Record<string, string | undefined>;
      await auditQueueOperation(deps, null, queueOperationOf(route.slice(API_PATH.length), params));
      return payload;
    });
    const serverAdapter = new FastifyAdapter();
    createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter });
    serverAdapter.setBasePath(BASE_PATH);
    await scope.register(serverAdapter.registerPlugin(), { prefix: BASE_PATH });
  });
}

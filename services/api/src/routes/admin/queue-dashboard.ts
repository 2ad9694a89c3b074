import type { FastifyInstance } from 'fastify';
import basicAuth from '@fastify/basic-auth';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Queue } from 'bullmq';

const BASE_PATH = '/admin/queues';
const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The BullMQ dashboard for administrators at /admin/queues. A browser cannot send a bearer
 * token, so until officials sign in it asks for HTTP Basic credentials: user `admin`, the
 * admin token as password. Closed when no token is configured.
 */
export async function registerQueueDashboard(
  app: FastifyInstance,
  queues: readonly Queue[],
  adminToken: string | undefined,
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
    const serverAdapter = new FastifyAdapter();
    createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter });
    serverAdapter.setBasePath(BASE_PATH);
    await scope.register(serverAdapter.registerPlugin(), { prefix: BASE_PATH });
  });
}

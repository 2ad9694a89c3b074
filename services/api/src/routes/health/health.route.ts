import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Redis } from 'ioredis';
import { Liveness, Readiness } from '@hotline/contracts';
import { pingDatabase, type Database } from '@hotline/db';
import type { RedisBreaker } from '@hotline/queue';

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms)),
  ]);

/**
 * `/healthz`: the process is up. `/readyz`: Postgres and Redis both answer; while the Redis
 * breaker is open Redis is down without asking (its own probe says when it is back).
 */
export const healthRoutes =
  (deps: { db: Database; redis: Redis; redisBreaker: RedisBreaker }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/healthz',
      { schema: { tags: ['health'], response: { 200: Liveness } }, logLevel: 'warn' },
      async () => ({ status: 'up' as const }),
    );
    app.get(
      '/readyz',
      {
        schema: { tags: ['health'], response: { 200: Readiness, 503: Readiness } },
        logLevel: 'warn',
      },
      async (_request, reply) => {
        const [pg, redis] = await Promise.allSettled([
          within(pingDatabase(deps.db), 2000),
          deps.redisBreaker.isOpen
            ? Promise.reject(new Error('circuit open'))
            : within(deps.redis.ping(), 2000),
        ]);
        const checks = {
          postgres: pg.status === 'fulfilled' ? ('up' as const) : ('down' as const),
          redis: redis.status === 'fulfilled' ? ('up' as const) : ('down' as const),
        };
        const ok = checks.postgres === 'up' && checks.redis === 'up';
        return reply.status(ok ? 200 : 503).send({ status: ok ? 'up' : 'down', checks });
      },
    );
  };

import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Queue } from 'bullmq';
import type { RedisBreaker, RedisBreakerStats } from '@hotline/queue';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { mergeExpositions } from './merge-exposition.js';

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);

/** Wait before a job started (for delayed jobs: after it was due), over recent completions. */
async function latencyLines(name: string, queue: Queue): Promise<string[]> {
  const jobs = await queue.getJobs(['completed'], 0, 199);
  const waits = jobs
    .map((j) => (j.processedOn ?? 0) - (j.timestamp + (j.delay ?? 0)))
    .filter((w) => w >= 0)
    .sort((a, b) => a - b);
  const label = `queue="${name}"`;
  return [
    `hotline_job_start_latency_ms{${label},quantile="0.5"} ${quantile(waits, 0.5)}`,
    `hotline_job_start_latency_ms{${label},quantile="0.99"} ${quantile(waits, 0.99)}`,
    `hotline_job_start_latency_ms_count{${label}} ${waits.length}`,
  ];
}

/** The queues' own families (BullMQ labels each sample with its queue) and start latency. */
async function queueExpositions(queues: ReadonlyMap<string, Queue>): Promise<string[]> {
  const parts = await Promise.all([...queues.values()].map((q) => q.exportPrometheusMetrics()));
  const latency = await Promise.all([...queues].map(([n, q]) => latencyLines(n, q)));
  return [
    ...parts,
    [
      '# HELP hotline_job_start_latency_ms How late recent jobs started after they were due',
      '# TYPE hotline_job_start_latency_ms summary',
      ...latency.flat(),
    ].join('\n'),
  ];
}

const redisUp = (up: 0 | 1) =>
  `# HELP hotline_redis_up Whether the queues' Redis answered this scrape\n# TYPE hotline_redis_up gauge\nhotline_redis_up ${up}`;

/** The request-path breaker: whether it is open now, and how often it opened and refused. */
const breakerLines = ({ state, openings, refused }: RedisBreakerStats) =>
  [
    '# HELP hotline_redis_breaker_open Whether the request-path Redis breaker is open (calls fail at once)',
    '# TYPE hotline_redis_breaker_open gauge',
    `hotline_redis_breaker_open ${state === 'open' ? 1 : 0}`,
    '# HELP hotline_redis_breaker_openings_total Times the request-path Redis breaker opened',
    '# TYPE hotline_redis_breaker_openings_total counter',
    `hotline_redis_breaker_openings_total ${openings}`,
    '# HELP hotline_redis_breaker_refused_total Redis commands refused unsent while the breaker was open',
    '# TYPE hotline_redis_breaker_refused_total counter',
    `hotline_redis_breaker_refused_total ${refused}`,
  ].join('\n');

const digest = (s: string) => createHash('sha256').update(s).digest();

/** A preHandler admitting `Authorization: Bearer <token>` only (compared in constant time). */
function bearerGuard(token: string) {
  const expected = digest(`Bearer ${token}`);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const given = digest(request.headers.authorization ?? '');
    if (timingSafeEqual(given, expected)) return;
    return reply
      .status(401)
      .header('www-authenticate', 'Bearer realm="metrics"')
      .send({ statusCode: 401, code: 'UNAUTHORIZED', message: 'metrics need METRICS_TOKEN' });
  };
}

/**
 * Prometheus metrics at /metrics: this process's (memory, event loop, GC), the request-path
 * Redis breaker's, and for every queue its depth by state (BullMQ's own export, failures
 * included) and how late jobs start. Behind METRICS_TOKEN as a Bearer token; without one
 * (development and tests only: production refuses to start) open.
 */
export const metricsRoute =
  (deps: {
    queues: ReadonlyMap<string, Queue>;
    breaker: RedisBreaker;
    token: string | undefined;
  }): FastifyPluginAsync =>
  async (app) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'hotline_api_' });
    app.get(
      '/metrics',
      {
        schema: { hide: true },
        logLevel: 'warn',
        ...(deps.token ? { preHandler: bearerGuard(deps.token) } : {}),
      },
      async (_request, reply) => {
        const parts = [await registry.metrics(), breakerLines(deps.breaker.stats())];
        try {
          parts.push(...(await queueExpositions(deps.queues)), redisUp(1));
        } catch {
          parts.push(redisUp(0));
        }
        return reply.type(registry.contentType).send(mergeExpositions(parts));
      },
    );
  };

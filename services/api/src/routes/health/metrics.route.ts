import type { FastifyPluginAsync } from 'fastify';
import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Registry } from 'prom-client';

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

/**
 * Prometheus metrics at /metrics: this process's (memory, event loop, GC), and for every queue
 * its depth by state (BullMQ's own export, failures included) and how late jobs start.
 */
export const metricsRoute =
  (deps: { queues: ReadonlyMap<string, Queue> }): FastifyPluginAsync =>
  async (app) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'hotline_api_' });
    app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) => {
      const parts = [await registry.metrics()];
      try {
        for (const [name, queue] of deps.queues) {
          parts.push(await queue.exportPrometheusMetrics({ queue: name }));
        }
        parts.push(
          '# HELP hotline_job_start_latency_ms How late recent jobs started after they were due',
          '# TYPE hotline_job_start_latency_ms summary',
          ...(await Promise.all([...deps.queues].map(([n, q]) => latencyLines(n, q)))).flat(),
          'hotline_redis_up 1',
        );
      } catch {
        parts.push('# Redis unreachable: queue metrics unavailable', 'hotline_redis_up 0');
      }
      return reply.type(registry.contentType).send(`${parts.join('\n')}\n`);
    });
  };

import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@hotline/config';
import type { Readiness } from './readiness.js';

export interface HealthServer {
  /** Where it listens; 0 when it does not. */
  port: number;
  close(): Promise<void>;
}

/**
 * The worker's `/healthz` (the process is up) and `/readyz` (Postgres, Redis and the queue
 * workers all answer; 503 naming what is down otherwise), for an orchestrator or a load
 * balancer. node:http rather than Fastify: two fixed GET routes with no body, schema or
 * plugin, and the worker does not otherwise depend on Fastify.
 */
export async function startHealthServer(options: {
  host: string;
  port: number;
  readiness: () => Promise<Readiness>;
  log: Logger;
}): Promise<HealthServer> {
  const { log } = options;
  if (options.port === 0) return { port: 0, close: async () => {} };
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { status: 'error' });
    if (path === '/healthz') return send(res, 200, { status: 'up' });
    if (path !== '/readyz') return send(res, 404, { status: 'error' });
    options.readiness().then(
      (r) => send(res, r.status === 'up' ? 200 : 503, r),
      (err: Error) => {
        log.warn({ err: err.message }, 'readiness check failed');
        send(res, 503, { status: 'down' });
      },
    );
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    // A worker without its probes still does its work; refusing to start would stop routing
    // and timers over a port.
    log.error(
      { err: (err as Error).message, port: options.port },
      'health server could not listen: /healthz and /readyz unavailable',
    );
    return { port: 0, close: async () => {} };
  }
  // After listening, an error of the server (not of a request) must not kill the worker.
  server.on('error', (err) => log.warn({ err: err.message }, 'health server error'));
  const { port } = server.address() as AddressInfo;
  log.info({ port }, 'worker health on /healthz and /readyz');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

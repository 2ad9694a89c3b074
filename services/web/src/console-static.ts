import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { compressResponses } from './compression.js';

/** Where `pnpm --filter @hotline/web build` puts the console. */
export const CONSOLE_DIST = fileURLToPath(new URL('../dist/console', import.meta.url));

/**
 * The officials' console (a single-page app) at /console/: hashed assets cached for a year,
 * every other path answered with index.html so the browser's router takes over. Without a
 * build, /console says how to make one instead of failing obscurely. Its own scope, so the
 * compression of its files does not reach the API's routes.
 */
export async function registerConsole(app: FastifyInstance) {
  await app.register(consoleFiles);
}

async function consoleFiles(app: FastifyInstance) {
  await compressResponses(app);
  const indexFile = `${CONSOLE_DIST}/index.html`;
  const isBuilt = existsSync(indexFile);
  if (isBuilt) {
    await app.register(fastifyStatic, {
      root: `${CONSOLE_DIST}/assets`,
      prefix: '/console/assets/',
      immutable: true,
      maxAge: '365d',
      decorateReply: false,
    });
  }
  const index = isBuilt ? readFileSync(indexFile, 'utf8') : null;
  const page = async (_request: unknown, reply: FastifyReply) => {
    if (!index) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The console is not built: run `pnpm --filter @hotline/web build` (npm start does).');
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
  };
  app.get('/console', { schema: { hide: true } }, page);
  app.get('/console/*', { schema: { hide: true } }, page);
}

import type { FastifyError, FastifyInstance } from 'fastify';
import {
  AppError,
  DATABASE_RETRY_AFTER_SECONDS,
  databaseFailure,
  isRedisUnavailable,
  REDIS_RETRY_AFTER_SECONDS,
} from '@hotline/core';
import { langOf } from './locale.js';
import { messagesFor } from './i18n/index.js';
import type { Render } from './render.js';

type ErrorKind = 'notFound' | 'badRequest' | 'tooMany' | 'server';

function kindOf(err: FastifyError): [ErrorKind, number] {
  if (err instanceof AppError) {
    if (err.code === 'CASE_NOT_FOUND') return ['notFound', 404];
    if (err.code === 'VALIDATION_FAILED') return ['badRequest', 400];
  }
  // Redis not answering (a one-time code cannot be checked or kept): likewise.
  if (isRedisUnavailable(err)) return ['server', 503];
  // Postgres unreachable: the citizen may try again shortly (the API answers 503 too).
  const database = databaseFailure(err);
  if (database?.kind === 'unavailable') return ['server', 503];
  if (database?.kind === 'invalid_data') return ['badRequest', 400];
  const status = err.statusCode ?? 500;
  if (status === 429) return ['tooMany', 429];
  if (status === 404) return ['notFound', 404];
  if (status >= 400 && status < 500) return ['badRequest', status];
  return ['server', 500];
}

/**
 * Errors on portal pages are pages too, in the citizen's language: what went wrong and a way
 * home. A 5xx says nothing of its cause (that goes to the log).
 */
export function registerErrorPages(app: FastifyInstance, render: Render) {
  app.setErrorHandler(async (err: FastifyError, request, reply) => {
    const [kind, status] = kindOf(err);
    if (status === 503) {
      const wait = isRedisUnavailable(err)
        ? REDIS_RETRY_AFTER_SECONDS
        : DATABASE_RETRY_AFTER_SECONDS;
      reply.header('retry-after', String(wait));
    } else if (status >= 500) request.log.error({ err }, 'portal page failed');
    const t = messagesFor(langOf(request)).errors;
    const title = t[`${kind}Title`];
    try {
      return await render(request, reply, 'error', { title, message: t[kind] }, status);
    } catch (renderError) {
      request.log.error({ err: renderError }, 'portal error page failed');
      return reply.status(status).type('text/plain; charset=utf-8').send(`${title}. ${t[kind]}`);
    }
  });
}

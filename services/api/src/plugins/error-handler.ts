import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorResponse } from '@hotline/contracts';
import {
  AppError,
  DATABASE_RETRY_AFTER_SECONDS,
  databaseFailure,
  isRedisUnavailable,
  REDIS_RETRY_AFTER_SECONDS,
  type ErrorCode,
  type FieldProblem,
} from '@hotline/core';
import { toFieldError } from '../errors/messages.js';
import { validationProblems } from '../errors/validation-problems.js';

/** One table from error code to HTTP status. */
export const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  CASE_NOT_FOUND: 404,
  CALENDAR_NOT_FOUND: 404,
  OVERRIDE_NOT_FOUND: 404,
  POLICY_NOT_FOUND: 404,
  NOTIFICATION_NOT_FOUND: 404,
  ROUTING_RULE_NOT_FOUND: 404,
  SERVICE_NOT_FOUND: 404,
  API_KEY_NOT_FOUND: 404,
  OFFICIAL_NOT_FOUND: 404,
  TOKEN_NOT_FOUND: 404,
  UNIT_NOT_FOUND: 404,
  HOTLINE_NOT_FOUND: 404,
  CATEGORY_NOT_FOUND: 404,
  TEMPLATE_NOT_FOUND: 404,
  CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  RULE_VIOLATION: 409,
  EXTENSION_LIMIT: 409,
  FORBIDDEN: 403,
  VERSION_CONFLICT: 409,
  NO_TRIAGE_UNIT: 503,
  TRACKING_CODE_EXHAUSTED: 503,
  PROOF_REQUIRED: 403,
  PROOF_INVALID: 403,
  OTP_LOCKED: 429,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  TOTP_REQUIRED: 401,
  TOTP_INVALID: 401,
  TOTP_ENROLLMENT_REQUIRED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  CSRF_INVALID: 403,
  SESSION_NOT_FOUND: 404,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_KEY_IN_FLIGHT: 409,
};

function send(
  reply: FastifyReply,
  statusCode: number,
  code: string,
  message: string,
  problems?: readonly FieldProblem[],
) {
  const body: ErrorResponse = {
    statusCode,
    code,
    message,
    ...(problems && problems.length > 0 ? { errors: problems.map(toFieldError) } : {}),
  };
  return reply.status(statusCode).send(body);
}

// Fastify's own 4xx errors for bodies that never reach the schema.
function frameworkProblem(err: FastifyError, bodyLimit: number): [string, FieldProblem] | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return ['MALFORMED_JSON', { field: 'body', reason: 'malformed_json' }];
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return ['EMPTY_BODY', { field: 'body', reason: 'empty' }];
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return [
        'BODY_TOO_LARGE',
        { field: 'body', reason: 'too_large', params: { limit: bodyLimit } },
      ];
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return [
        'UNSUPPORTED_MEDIA_TYPE',
        { field: 'content-type', reason: 'unsupported_media_type' },
      ];
    default:
      return null;
  }
}

/**
 * Errors Fastify meets before routing (a URL that does not decode, e.g. `/v1/cases/%`), in
 * our error shape rather than Fastify's; pass as the `frameworkErrors` option.
 */
export function frameworkErrors(
  err: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 400;
  const reason = err.code === 'FST_ERR_BAD_URL' ? 'invalid_url' : 'invalid';
  void send(reply, status, err.code ?? 'BAD_REQUEST', err.message, [{ field: 'url', reason }]);
}

/**
 * 503 with Retry-After for a request that needs Redis (a session, a one-time code, sign-in's
 * counts) while it does not answer. Not logged per request: the circuit breaker says once
 * per outage that Redis is not answering.
 */
export function sendRedisUnavailable(reply: FastifyReply) {
  reply.header('retry-after', String(REDIS_RETRY_AFTER_SECONDS));
  return send(
    reply,
    503,
    'DEPENDENCY_UNAVAILABLE',
    'A service this request needs is unavailable; retry later.',
  );
}

/** Maps every error to a JSON body; a 5xx never reveals internals (they go to the log). */
export function registerErrorHandler(app: FastifyInstance, bodyLimit: number) {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      const status = STATUS[err.code];
      if (status >= 500) request.log.error({ err }, 'use case failed');
      return send(reply, status, err.code, err.message, err.problems);
    }
    if (err.validation) {
      const problems = validationProblems(err.validation, err.validationContext ?? 'body');
      return send(
        reply,
        400,
        'VALIDATION_FAILED',
        problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
        problems,
      );
    }
    const framework = frameworkProblem(err, bodyLimit);
    if (framework) {
      const [code, problem] = framework;
      return send(reply, err.statusCode ?? 400, code, err.message, [problem]);
    }
    // Before the database's check: a socket error beneath a Redis failure has a code it knows.
    if (isRedisUnavailable(err)) return sendRedisUnavailable(reply);
    const database = databaseFailure(err);
    if (database?.kind === 'unavailable') {
      request.log.warn({ err }, 'database unavailable');
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return send(
        reply,
        503,
        'DEPENDENCY_UNAVAILABLE',
        'The database is unavailable; retry later.',
      );
    }
    if (database?.kind === 'invalid_data') {
      // A safety net: the schemas should have refused the value before any query ran.
      request.log.warn({ err }, 'database refused a value');
      return send(reply, 400, 'VALIDATION_FAILED', 'body: invalid_value', [database.problem]);
    }
    const status =
      err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err }, 'unhandled error');
      return send(reply, 500, 'INTERNAL', 'Internal error; it has been logged.');
    }
    return send(reply, status, err.code ?? 'BAD_REQUEST', err.message);
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, 'ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`),
  );
}

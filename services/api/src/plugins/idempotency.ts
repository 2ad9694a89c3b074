import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  IDEMPOTENCY_KEY_HEADER,
  parseIdempotencyKey,
  runIdempotently,
  type IdempotentAnswer,
  type IdempotentOutcome,
} from '@hotline/core';
import type { RawSql } from '@hotline/db';

/** The `Idempotency-Key` a request carries, checked (a 400 naming the header), or null. */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const raw = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (raw === undefined) return null;
  return parseIdempotencyKey(Array.isArray(raw) ? raw.join(',') : raw);
}

/**
 * Runs `work` under the request's `Idempotency-Key` when it has one: its answer is stored in
 * `work`'s transaction, and a retry gets it again (headers set here, with
 * `Idempotent-Replayed: true`); the caller sends the body in its own format.
 */
export async function idempotentOutcome<Body>(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { sql: RawSql },
  what: { scope: string; principal?: string | null; payload: unknown },
  work: (sql: RawSql) => Promise<IdempotentAnswer<Body>>,
): Promise<IdempotentOutcome<Body>> {
  const key = idempotencyKeyOf(request);
  const outcome =
    key === null
      ? { ...(await work(deps.sql)), isReplayed: false }
      : await runIdempotently(
          deps,
          { scope: what.scope, key, principal: what.principal ?? null, payload: what.payload },
          new Date(),
          work,
        );
  if (outcome.isReplayed) void reply.header('idempotent-replayed', 'true');
  for (const [name, value] of Object.entries(outcome.headers ?? {})) void reply.header(name, value);
  return outcome;
}

/** `idempotentOutcome`, sent as JSON. */
export async function answerIdempotently<Body>(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { sql: RawSql },
  what: { scope: string; principal?: string | null; payload: unknown },
  work: (sql: RawSql) => Promise<IdempotentAnswer<Body>>,
) {
  const outcome = await idempotentOutcome(request, reply, deps, what, work);
  return reply.status(outcome.statusCode).send(outcome.body);
}

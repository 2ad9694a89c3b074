import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { isRedisUnavailable } from '@hotline/queue';
import { clientKey } from './client-key.js';
import { sendRateLimited } from './rate-limit.js';

/** Failed credentials a source may present per window before it must wait. */
export const CREDENTIAL_FAILURES_PER_SOURCE = 20;
export const CREDENTIAL_FAILURE_WINDOW_MS = 10 * 60_000;

/**
 * Passwords and second factors at sign-in are throttled per account and source by the sign-in
 * use case (a known device must get through there); every other credential is counted here.
 */
const SIGN_IN = /^\/v1\/auth\/(sign-in|totp\/)/;

/** Whether the request stakes a claim this limiter counts: a bearer or basic credential, an API key, a current password. */
function presentsCredential(request: FastifyRequest): boolean {
  const url = request.url;
  if (SIGN_IN.test(url)) return false;
  if (request.headers.authorization) return true;
  if (url.startsWith('/v1/auth/password')) return true;
  const query = request.query as Record<string, unknown> | undefined;
  const body = request.body as Record<string, unknown> | undefined;
  return (
    typeof query?.api_key === 'string' ||
    (typeof body === 'object' && body !== null && typeof body.api_key === 'string')
  );
}

/**
 * Every credential check outside sign-in — officials' API tokens on any route, admin-scoped
 * tokens, the queue dashboard, Open311 API keys, the current password — is limited per source:
 * after CREDENTIAL_FAILURES_PER_SOURCE refused credentials (401, or 403 for an API key) within
 * the window, that source's credentials are not even looked at until the window ends (429 with
 * Retry-After). Only failures count, so a busy integration with a good token is never slowed;
 * tokens are 256 bits, so guessing one is hopeless anyway, and this stops the trying. Counted
 * in Redis, shared by every API process; if Redis is unreachable the checks go on unlimited
 * rather than locking everyone out.
 */
export function registerCredentialLimit(
  app: FastifyInstance,
  deps: { redis: Redis; prefix: string },
) {
  const keyOf = (request: FastifyRequest) =>
    `${deps.prefix}:credential-failures:${clientKey(request)}`;

  app.addHook('preHandler', async (request, reply) => {
    if (!presentsCredential(request)) return;
    let wait: number;
    try {
      const [count, ttl] = await Promise.all([
        deps.redis.get(keyOf(request)),
        deps.redis.pttl(keyOf(request)),
      ]);
      if (Number(count ?? 0) < CREDENTIAL_FAILURES_PER_SOURCE) return;
      wait = Math.max(1, Math.ceil(ttl / 1000));
    } catch (err) {
      // Redis not answering is logged once per outage by its breaker, not per request.
      if (!isRedisUnavailable(err)) request.log.warn({ err }, 'credential limit unavailable');
      return;
    }
    return sendRateLimited(
      reply,
      wait,
      `Too many refused credentials from this address; retry in ${wait} s (quá nhiều lần xác thực sai, vui lòng thử lại sau)`,
    );
  });

  app.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    if (status !== 401 && !(status === 403 && request.url.startsWith('/open311/'))) return;
    if (!presentsCredential(request)) return;
    try {
      await deps.redis
        .multi()
        .incr(keyOf(request))
        .pexpire(keyOf(request), CREDENTIAL_FAILURE_WINDOW_MS, 'NX')
        .exec();
    } catch (err) {
      if (!isRedisUnavailable(err)) request.log.warn({ err }, 'credential failure not counted');
    }
  });
}

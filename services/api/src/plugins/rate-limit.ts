import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { AppConfig } from '@hotline/config';
import { clientKey } from './client-key.js';

type Limits = AppConfig['rateLimit'];

const isRead = (request: FastifyRequest) => request.method === 'GET' || request.method === 'HEAD';

class RateLimitedError extends Error {
  readonly statusCode = 429;
  readonly code = 'RATE_LIMITED';
  constructor(after: string) {
    super(`Too many requests; retry in ${after} (quá nhiều yêu cầu, vui lòng thử lại sau)`);
    this.name = 'RateLimitedError';
  }
}

// Callers that prove who they are are not limited per IP: administrators (their token), SMS
// gateways (a gateway posts every citizen's message from one address; each post is signed) and
// switchboards logging calls (an official's token).
const AUTHENTICATED = /^\/(v1\/admin\/|webhooks\/|v1\/calls)/;

/**
 * Per-IP limits on every route registered after it (the public API; probes and metrics are
 * registered before), counted in Redis so every API process shares them. The IP is clientKey's:
 * IPv6 by /64, and behind TRUST_PROXY's proxies the client they forwarded. Reads and writes
 * have separate budgets: a tracking page polls, a form does not. Authenticated callers are
 * exempt (above); a route opts out with `config: { rateLimit: false }` (e.g. a
 * provider's webhook). If Redis is down or does not answer the limits are skipped (at once
 * while its circuit breaker is open): intake must keep answering.
 */
export async function registerRateLimit(
  app: FastifyInstance,
  deps: { redis: Redis; prefix: string; limits: Limits },
) {
  const { limits } = deps;
  const maxOf = (request: FastifyRequest) =>
    isRead(request) ? limits.readsPerWindow : limits.writesPerWindow;
  await app.register(rateLimit, {
    global: true,
    redis: deps.redis,
    nameSpace: `${deps.prefix}:rate-limit:`,
    skipOnError: true,
    timeWindow: limits.windowMs,
    max: (request) => maxOf(request),
    keyGenerator: (request) => `${clientKey(request)}:${isRead(request) ? 'read' : 'write'}`,
    allowList: (request) =>
      maxOf(request) === 0 || AUTHENTICATED.test(request.routeOptions.url ?? ''),
    errorResponseBuilder: (_request, context) => new RateLimitedError(context.after),
  });
}

/**
 * A limit on some other key than the IP (e.g. one-time codes per case): returns the seconds to
 * wait when exceeded, null while allowed (or when Redis does not answer).
 */
export function keyedLimit(
  app: FastifyInstance,
  options: { max: number; windowMs: number; key: (request: FastifyRequest) => string },
) {
  const check = app.createRateLimit({
    max: options.max,
    timeWindow: options.windowMs,
    keyGenerator: options.key,
    // Not the per-IP exemptions: this limit holds even when per-IP limits are off.
    allowList: () => false,
  });
  return async (request: FastifyRequest): Promise<number | null> => {
    const r = await check(request);
    return !r.isAllowed && r.isExceeded ? Math.max(1, r.ttlInSeconds) : null;
  };
}

/**
 * New cases per phone number, across addresses and channels that name one (web, Open311): a
 * preHandler answering 429 with Retry-After once the number has filed `phoneCases` in the
 * window. Numbers are compared by their last nine digits (0912…, +84912… and 84912… are one).
 */
export function perPhoneCaseLimit(
  app: FastifyInstance,
  limits: Pick<Limits, 'phoneCases' | 'phoneCaseWindowMs'>,
  phoneOf: (request: FastifyRequest) => string | undefined,
) {
  const subscriber = (request: FastifyRequest) =>
    (phoneOf(request) ?? '').replace(/\D/g, '').slice(-9);
  const check = keyedLimit(app, {
    max: limits.phoneCases,
    windowMs: limits.phoneCaseWindowMs,
    key: (request) => `phone-cases:${subscriber(request)}`,
  });
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (limits.phoneCases === 0 || subscriber(request).length < 9) return;
    const wait = await check(request);
    if (wait === null) return;
    return sendRateLimited(
      reply,
      wait,
      `Too many cases from this phone number; retry in ${wait} s (số điện thoại này đã gửi quá nhiều phản ánh, vui lòng thử lại sau)`,
    );
  };
}

/** 429 with Retry-After, in the API's error shape. */
export function sendRateLimited(reply: FastifyReply, waitSeconds: number, message: string) {
  return reply.status(429).header('retry-after', String(waitSeconds)).send({
    statusCode: 429,
    code: 'RATE_LIMITED',
    message,
  });
}

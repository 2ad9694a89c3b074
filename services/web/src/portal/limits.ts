import type { FastifyInstance, FastifyRequest } from 'fastify';

type Check = (
  request: FastifyRequest,
) => Promise<{ isAllowed: true } | { isAllowed: false; isExceeded: boolean; ttlInSeconds: number }>;

interface WithRateLimit {
  createRateLimit?: (options: {
    max: number;
    timeWindow: number;
    keyGenerator: (request: FastifyRequest) => string;
    allowList: () => boolean;
  }) => Check;
}

/**
 * A limit counted in the API's shared rate-limit store under `key` (the same keys as the API's
 * routes, so a citizen's quota is one whichever door they use): the seconds to wait when
 * exceeded, else null. No limit when the host registered no rate limiter or `max` is 0.
 */
export function sharedLimit(
  app: FastifyInstance,
  options: { max: number; windowMs: number; key: (request: FastifyRequest) => string },
) {
  const create = (app as unknown as WithRateLimit).createRateLimit?.bind(app);
  if (!create || options.max === 0) return async () => null;
  const check = create({
    max: options.max,
    timeWindow: options.windowMs,
    keyGenerator: options.key,
    allowList: () => false,
  });
  return async (request: FastifyRequest): Promise<number | null> => {
    const r = await check(request);
    return !r.isAllowed && r.isExceeded ? Math.max(1, r.ttlInSeconds) : null;
  };
}

/** A phone's subscriber number: its last nine digits (0912…, +84912… and 84912… are one). */
export const subscriberOf = (phone: string) => phone.replace(/\D/g, '').slice(-9);

/** A tracking code as the API keys its limits: upper case, letters and digits only. */
export const codeKeyOf = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

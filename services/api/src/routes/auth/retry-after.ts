import type { FastifyReply } from 'fastify';
import { AppError } from '@hotline/core';

/**
 * Runs a credential check; when it answers "wait" (ACCOUNT_LOCKED), the reply also carries
 * Retry-After, as every 429 of ours does (the error handler keeps headers already set).
 */
export async function withRetryAfter<T>(reply: FastifyReply, check: () => Promise<T>) {
  try {
    return await check();
  } catch (err) {
    if (err instanceof AppError && err.code === 'ACCOUNT_LOCKED') {
      const seconds = err.problems.find((p) => p.params?.retryAfterSeconds !== undefined)?.params
        ?.retryAfterSeconds;
      if (seconds !== undefined) void reply.header('retry-after', String(seconds));
    }
    throw err;
  }
}

import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '@hotline/core';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * A placeholder for officials' sign-in (a later issue): admin routes require
 * `Authorization: Bearer $ADMIN_TOKEN`. Without ADMIN_TOKEN configured they are closed.
 */
export function adminTokenGuard(adminToken: string | undefined) {
  const expected = adminToken ? digest(adminToken) : null;
  return async (request: FastifyRequest) => {
    if (!expected) throw new AppError('UNAUTHORIZED', 'the admin API is disabled: set ADMIN_TOKEN');
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    // Comparing digests keeps the comparison constant-time whatever the lengths.
    if (!token || !timingSafeEqual(digest(token), expected)) {
      throw new AppError(
        'UNAUTHORIZED',
        'a valid admin token is required (Authorization: Bearer …)',
      );
    }
  };
}

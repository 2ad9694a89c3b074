import { useActiveApiKey, type Database } from '@hotline/db';
import { AppError } from '../errors.js';
import { hashApiKey } from './api-key-hash.js';

/**
 * The active key a third-party app presented, marked as used; FORBIDDEN when it is missing,
 * unknown or revoked (one answer for all three, so keys cannot be probed).
 */
export async function authenticateApiKey(
  deps: { db: Database },
  key: string | undefined,
  now: Date,
): Promise<{ id: string; name: string }> {
  const found = key ? await useActiveApiKey(deps.db, hashApiKey(key), now) : null;
  if (!found) throw new AppError('FORBIDDEN', 'api_key is missing, unknown or revoked');
  return { id: found.id, name: found.name };
}

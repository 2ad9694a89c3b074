import type { ApiKeySummary } from '@hotline/contracts';
import { revokeApiKey as revokeApiKeyRow, type Database } from '@hotline/db';
import { AppError } from '../errors.js';
import { toApiKeySummary } from './api-key-hash.js';

/** Revokes a key at once; revoking twice keeps the first time. */
export async function revokeApiKey(
  deps: { db: Database },
  id: string,
  now: Date,
): Promise<ApiKeySummary> {
  const row = await revokeApiKeyRow(deps.db, id, now);
  if (!row) throw new AppError('API_KEY_NOT_FOUND', 'no API key with this id');
  return toApiKeySummary(row);
}

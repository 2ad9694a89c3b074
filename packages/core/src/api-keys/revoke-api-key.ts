import type { ApiKeySummary } from '@hotline/contracts';
import { lockApiKey, revokeApiKey as revokeApiKeyRow, type Database } from '@hotline/db';
import { audit, type AdminActor } from '../admin/admin-context.js';
import { AppError } from '../errors.js';
import { toApiKeySummary } from './api-key-hash.js';

/** Revokes a key at once; revoking twice keeps the first time (and changes nothing). */
export async function revokeApiKey(
  deps: { db: Database },
  id: string,
  now: Date,
  by: AdminActor,
): Promise<ApiKeySummary> {
  return deps.db.transaction(async (tx) => {
    // Locked: of two revocations racing, only the first changes the key and is audited.
    const before = await lockApiKey(tx, id);
    if (!before) throw new AppError('API_KEY_NOT_FOUND', 'no API key with this id');
    if (before.revokedAt) return toApiKeySummary(before);
    const after = toApiKeySummary((await revokeApiKeyRow(tx, id, now))!);
    await audit(tx, by, 'api_key.revoke', 'api_key', id, toApiKeySummary(before), after);
    return after;
  });
}

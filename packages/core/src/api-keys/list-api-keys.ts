import type { ApiKeySummary } from '@hotline/contracts';
import { listApiKeys as listApiKeyRows, type Database } from '@hotline/db';
import { toApiKeySummary } from './api-key-hash.js';

/** Every key issued, newest first, without the keys themselves. */
export async function listApiKeys(deps: { db: Database }): Promise<ApiKeySummary[]> {
  return (await listApiKeyRows(deps.db)).map(toApiKeySummary);
}

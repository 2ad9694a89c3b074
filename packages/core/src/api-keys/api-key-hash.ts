import { createHash } from 'node:crypto';
import type { ApiKeySummary } from '@hotline/contracts';
import type { ApiKeyRow } from '@hotline/db';

/** Keys are looked up by their SHA-256 (hex): the key itself is never stored. */
export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** How many leading characters of a key are kept to recognise it in lists. */
export const API_KEY_PREFIX_LENGTH = 8;

export const toApiKeySummary = (row: ApiKeyRow): ApiKeySummary => ({
  id: row.id,
  name: row.name,
  prefix: row.keyPrefix,
  scopes: row.scopes,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

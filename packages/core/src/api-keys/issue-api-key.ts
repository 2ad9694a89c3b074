import type { IssuedApiKey } from '@hotline/contracts';
import { insertApiKey, type Database } from '@hotline/db';
import { API_KEY_PREFIX_LENGTH, hashApiKey, toApiKeySummary } from './api-key-hash.js';

/** Issues a key for a third-party app; the answer is the only place the key ever appears. */
export async function issueApiKey(
  deps: { db: Database; randomBytes: (size: number) => Uint8Array },
  name: string,
): Promise<IssuedApiKey> {
  const key = Buffer.from(deps.randomBytes(32)).toString('base64url');
  const row = await insertApiKey(deps.db, {
    name: name.normalize('NFC').trim(),
    keyPrefix: key.slice(0, API_KEY_PREFIX_LENGTH),
    keyHash: hashApiKey(key),
  });
  return { ...toApiKeySummary(row), key };
}

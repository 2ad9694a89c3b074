import type { IssuedApiKey } from '@hotline/contracts';
import { insertApiKey, type Database } from '@hotline/db';
import { audit, type AdminActor } from '../admin/admin-context.js';
import { validationFailed } from '../errors.js';
import { API_KEY_PREFIX_LENGTH, hashApiKey, toApiKeySummary } from './api-key-hash.js';

/** Issues a key for a third-party app; the answer is the only place the key ever appears. */
export async function issueApiKey(
  deps: { db: Database; randomBytes: (size: number) => Uint8Array },
  name: string,
  by: AdminActor,
): Promise<IssuedApiKey> {
  const trimmed = name.normalize('NFC').trim();
  if (!trimmed) throw validationFailed([{ field: 'name', reason: 'required' }]);
  const key = Buffer.from(deps.randomBytes(32)).toString('base64url');
  const summary = await deps.db.transaction(async (tx) => {
    const row = await insertApiKey(tx, {
      name: trimmed,
      keyPrefix: key.slice(0, API_KEY_PREFIX_LENGTH),
      keyHash: hashApiKey(key),
    });
    // The summary holds the name and prefix only: neither the key nor its hash is audited.
    const after = toApiKeySummary(row);
    await audit(tx, by, 'api_key.issue', 'api_key', row.id, null, after);
    return after;
  });
  return { ...summary, key };
}

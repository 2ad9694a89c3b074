import { createHash } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Database } from '../client.js';
import { apiKeys, officialTokens, officials } from '../schema/index.js';
import {
  DEMO_OPEN311_API_KEY,
  DEMO_OPERATOR_TOKEN,
  DEMO_PASSWORD_HASH,
} from './seed-demo-tokens.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The demo credentials still usable in this database, each said as what to remove: the demo
 * Open311 key, the demo operator's token, officials whose password is still the demo one (the
 * seed's own hash: an official who chose it anew has another salt, which this cannot see
 * without an argon2 run per official). Empty on a database the demo seed never touched.
 */
export async function findDemoCredentials(db: Database): Promise<string[]> {
  const [[key], [token], [withDemoPassword]] = await Promise.all([
    db
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, sha256(DEMO_OPEN311_API_KEY)), isNull(apiKeys.revokedAt))),
    db
      .select({ id: officialTokens.id, officialId: officialTokens.officialId })
      .from(officialTokens)
      .where(
        and(
          eq(officialTokens.tokenHash, sha256(DEMO_OPERATOR_TOKEN)),
          isNull(officialTokens.revokedAt),
        ),
      ),
    db.select({ n: count() }).from(officials).where(eq(officials.passwordHash, DEMO_PASSWORD_HASH)),
  ]);
  const found: string[] = [];
  if (key) {
    found.push(`the demo Open311 API key (revoke it: DELETE /v1/admin/api-keys/${key.id})`);
  }
  if (token) {
    found.push(
      `the demo operator's API token (revoke it: DELETE /v1/admin/officials/${token.officialId}/tokens/${token.id})`,
    );
  }
  const n = withDemoPassword?.n ?? 0;
  if (n > 0) {
    found.push(`${n} official(s) with the demo password (reset their passwords)`);
  }
  return found;
}

import { and, count, eq, isNull } from 'drizzle-orm';
import type { Database } from './client.js';
import { apiKeys, officialTokens, officials } from './schema/index.js';

/**
 * The demo's known credentials (packages/demo, printed by `npm start`) as the demo seed stores
 * them: only their hashes, so the product holds no demo secret and never imports the demo. The
 * demo package's tests check these against its own values.
 */
export const DEMO_CREDENTIAL_HASHES = {
  /** sha256 of the demo Open311 API key. */
  open311Key: '6c58bf9dbefcc37e3f99b543e1a34e5b4ee817442d75040eb730fdfdd603b8bb',
  /** sha256 of the demo operator's API token. */
  operatorToken: '5f7baaee5ec5f992535121ba1674b32c1cdff38ac09dac9c0b8df10e9db41b01',
  /** The argon2id hash of the demo officials' password, salt and all. */
  password:
    '$argon2id$v=19$m=19456,t=2,p=1$sTZ1NP6Y8EbGmh+49/Mi3Q$lni3bZcCIYnfDaSLu2N/rcyXwDnyCSrFmfsYKNSJ5T4',
} as const;

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
      .where(
        and(eq(apiKeys.keyHash, DEMO_CREDENTIAL_HASHES.open311Key), isNull(apiKeys.revokedAt)),
      ),
    db
      .select({ id: officialTokens.id, officialId: officialTokens.officialId })
      .from(officialTokens)
      .where(
        and(
          eq(officialTokens.tokenHash, DEMO_CREDENTIAL_HASHES.operatorToken),
          isNull(officialTokens.revokedAt),
        ),
      ),
    db
      .select({ n: count() })
      .from(officials)
      .where(eq(officials.passwordHash, DEMO_CREDENTIAL_HASHES.password)),
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

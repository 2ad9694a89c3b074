import { createHash } from 'node:crypto';
import { and, eq, isNull, like, sql } from 'drizzle-orm';
import { tables, type Database, type Tx } from '@hotline/db';

const { apiKeys, officialTokens, officials } = tables;

/**
 * Known credentials for trying the demo with curl: an Open311 API key and an API token for the
 * first operator (Nguyễn Thị Hoài Thương, switchboard). Demo data only, printed by `npm start`;
 * in production administrators issue keys and tokens (shown once, kept hashed).
 */
export const DEMO_OPEN311_API_KEY = 'demo-open311-key-ha-tinh';
export const DEMO_OPERATOR_TOKEN = 'hlt_demo-operator-token-ha-tinh';
const DEMO_OPERATOR_EMAIL = 'thuongnth@hatinh.gov.vn';
/**
 * Every demo official signs in with this password (and their e-mail, or the part before @ as
 * username). Administrators must enroll TOTP at their first sign-in. Kept as its argon2id hash.
 */
export const DEMO_PASSWORD = 'HaTinh-demo-2026';
export const DEMO_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$sTZ1NP6Y8EbGmh+49/Mi3Q$lni3bZcCIYnfDaSLu2N/rcyXwDnyCSrFmfsYKNSJ5T4';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Adds the demo credentials to the demo province, once: a database seeded before they existed
 * gets them on the next start, and one an administrator revoked stays revoked. Nothing happens
 * on a database that is not the demo province.
 */
export async function seedDemoCredentials(tx: Tx | Database): Promise<boolean> {
  const [operator] = await tx
    .select({ id: officials.id })
    .from(officials)
    .where(eq(officials.email, DEMO_OPERATOR_EMAIL));
  if (!operator) return false;
  await tx
    .insert(apiKeys)
    .values({
      name: 'Demo Open311 client',
      keyPrefix: DEMO_OPEN311_API_KEY.slice(0, 8),
      keyHash: sha256(DEMO_OPEN311_API_KEY),
    })
    .onConflictDoNothing({ target: apiKeys.keyHash });
  await tx
    .insert(officialTokens)
    .values({
      officialId: operator.id,
      name: 'Tổng đài (demo)',
      tokenPrefix: DEMO_OPERATOR_TOKEN.slice(0, 10),
      tokenHash: sha256(DEMO_OPERATOR_TOKEN),
      scopes: ['calls:write', 'cases:read'],
    })
    .onConflictDoNothing({ target: officialTokens.tokenHash });
  // Only officials without a password: one an official changed stays changed.
  const demo = and(isNull(officials.passwordHash), like(officials.email, '%@hatinh.gov.vn'));
  await tx
    .update(officials)
    .set({
      passwordHash: DEMO_PASSWORD_HASH,
      username: sql`coalesce(${officials.username}, split_part(${officials.email}, '@', 1))`,
    })
    .where(demo);
  return true;
}

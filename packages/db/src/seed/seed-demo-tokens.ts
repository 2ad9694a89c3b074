import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../client.js';
import { apiKeys, officialTokens, officials } from '../schema/index.js';

/**
 * Known credentials for trying the demo with curl: an Open311 API key and an API token for the
 * first operator (Nguyễn Thị Hoài Thương, switchboard). Demo data only, printed by `npm start`;
 * in production administrators issue keys and tokens (shown once, kept hashed).
 */
export const DEMO_OPEN311_API_KEY = 'demo-open311-key-ha-tinh';
export const DEMO_OPERATOR_TOKEN = 'hlt_demo-operator-token-ha-tinh';
const DEMO_OPERATOR_EMAIL = 'thuongnth@hatinh.gov.vn';

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
  return true;
}

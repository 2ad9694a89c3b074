import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { officialTokens, officials } from '../schema/index.js';

/**
 * A known API token for the demo's first operator (Nguyễn Thị Hoài Thương, switchboard), so
 * calls can be logged with curl at once. Demo data only: printed by `npm start`, never for
 * production, where administrators issue tokens (POST /v1/admin/officials/{id}/tokens).
 */
export const DEMO_OPERATOR_TOKEN = 'hlt_demo-operator-token-ha-tinh';
const DEMO_OPERATOR_EMAIL = 'thuongnth@hatinh.gov.vn';

export async function seedDemoTokens(tx: Tx): Promise<void> {
  const [operator] = await tx
    .select({ id: officials.id })
    .from(officials)
    .where(eq(officials.email, DEMO_OPERATOR_EMAIL));
  if (!operator) return;
  await tx.insert(officialTokens).values({
    officialId: operator.id,
    name: 'Tổng đài (demo)',
    tokenPrefix: DEMO_OPERATOR_TOKEN.slice(0, 10),
    tokenHash: createHash('sha256').update(DEMO_OPERATOR_TOKEN).digest('hex'),
    scopes: ['calls:write', 'cases:read'],
  });
}

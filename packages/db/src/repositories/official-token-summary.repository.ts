import { and, eq } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { officialTokens } from '../schema/index.js';

/** What may be shown of a token: its name and prefix, never the hash. */
export interface OfficialTokenSummary {
  id: string;
  officialId: string;
  name: string;
  tokenPrefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** A token of the official, locked until the transaction ends; null when there is none. */
export async function lockOfficialTokenSummary(
  tx: Executor,
  officialId: string,
  tokenId: string,
): Promise<OfficialTokenSummary | null> {
  const [row] = await tx
    .select({
      id: officialTokens.id,
      officialId: officialTokens.officialId,
      name: officialTokens.name,
      tokenPrefix: officialTokens.tokenPrefix,
      scopes: officialTokens.scopes,
      createdAt: officialTokens.createdAt,
      expiresAt: officialTokens.expiresAt,
      revokedAt: officialTokens.revokedAt,
    })
    .from(officialTokens)
    .where(and(eq(officialTokens.id, tokenId), eq(officialTokens.officialId, officialId)))
    .for('update');
  return row ?? null;
}

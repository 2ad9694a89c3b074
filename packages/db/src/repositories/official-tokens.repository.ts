import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { OfficialRole } from '@hotline/domain';
import type { Executor } from '../client.js';
import { officialTokens, officials } from '../schema/index.js';
import { oncePerHandle } from '../prepared.js';
import { officialScopeColumns } from './case-scope.repository.js';

export interface TokenHolder {
  tokenId: string;
  officialId: string;
  unitId: string;
  roles: OfficialRole[];
  scopes: string[];
  lastUsedAt: Date | null;
  /** Checked again by whoever keeps a holder in memory (CredentialCache). */
  expiresAt: Date | null;
  /** A unit leader's subtree, else null (officialScopeColumns). */
  scopeUnitIds: string[] | null;
  /** A hotline owner's hotlines, else null. */
  scopeHotlineIds: string[] | null;
}

/** The active official behind a live (not revoked, not expired) token, by the token's hash. */
export async function findTokenHolder(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<TokenHolder | null> {
  const statement = oncePerHandle(db, 'token-holder', () =>
    db
      .select({
        tokenId: officialTokens.id,
        officialId: officials.id,
        unitId: officials.unitId,
        roles: officials.roles,
        scopes: officialTokens.scopes,
        lastUsedAt: officialTokens.lastUsedAt,
        expiresAt: officialTokens.expiresAt,
        ...officialScopeColumns,
      })
      .from(officialTokens)
      .innerJoin(officials, eq(officials.id, officialTokens.officialId))
      .where(
        and(
          eq(officialTokens.tokenHash, sql.placeholder('tokenHash')),
          isNull(officialTokens.revokedAt),
          or(
            isNull(officialTokens.expiresAt),
            gt(officialTokens.expiresAt, sql.placeholder('now')),
          ),
          eq(officials.isActive, true),
        ),
      )
      .prepare('token_holder'),
  );
  // Every request with a token runs this: built once (prepared.ts).
  const [row] = await statement.execute({ tokenHash, now: now.toISOString() });
  return row ?? null;
}

/** Marks a token used, at most once a minute (a busy integration must not write per request). */
export async function touchToken(db: Executor, tokenId: string, now: Date): Promise<void> {
  await db
    .update(officialTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(officialTokens.id, tokenId),
        or(
          isNull(officialTokens.lastUsedAt),
          sql`${officialTokens.lastUsedAt} < ${new Date(now.getTime() - 60_000).toISOString()}::timestamptz`,
        ),
      ),
    );
}

export async function insertOfficialToken(
  db: Executor,
  row: typeof officialTokens.$inferInsert,
): Promise<{ id: string; createdAt: Date }> {
  const [created] = await db
    .insert(officialTokens)
    .values(row)
    .returning({ id: officialTokens.id, createdAt: officialTokens.createdAt });
  return created!;
}

export async function listOfficialTokens(db: Executor, officialId: string) {
  return db
    .select({
      id: officialTokens.id,
      name: officialTokens.name,
      tokenPrefix: officialTokens.tokenPrefix,
      scopes: officialTokens.scopes,
      createdAt: officialTokens.createdAt,
      expiresAt: officialTokens.expiresAt,
      revokedAt: officialTokens.revokedAt,
      lastUsedAt: officialTokens.lastUsedAt,
    })
    .from(officialTokens)
    .where(eq(officialTokens.officialId, officialId))
    .orderBy(desc(officialTokens.createdAt));
}

/** Revokes a token of the official; false when there is no such live token. */
export async function revokeOfficialToken(
  db: Executor,
  officialId: string,
  tokenId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(officialTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(officialTokens.id, tokenId),
        eq(officialTokens.officialId, officialId),
        isNull(officialTokens.revokedAt),
      ),
    )
    .returning({ id: officialTokens.id });
  return rows.length > 0;
}

export async function officialExists(db: Executor, officialId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: officials.id })
    .from(officials)
    .where(eq(officials.id, officialId));
  return Boolean(row);
}

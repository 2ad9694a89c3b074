import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { apiKeys } from '../schema/index.js';

const summary = {
  id: apiKeys.id,
  name: apiKeys.name,
  keyPrefix: apiKeys.keyPrefix,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  revokedAt: apiKeys.revokedAt,
  lastUsedAt: apiKeys.lastUsedAt,
};

export type ApiKeyRow = {
  id: string;
  name: string;
  keyPrefix: string;
  scopes: string[];
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

/** Stores a new key by its hash; the key itself never reaches the database. */
export async function insertApiKey(
  db: Executor,
  key: { name: string; keyPrefix: string; keyHash: string; scopes?: string[] },
): Promise<ApiKeyRow> {
  const [row] = await db.insert(apiKeys).values(key).returning(summary);
  return row!;
}

/** Every key, newest first, revoked ones included (for audit). */
export async function listApiKeys(db: Executor): Promise<ApiKeyRow[]> {
  return db.select(summary).from(apiKeys).orderBy(desc(apiKeys.createdAt));
}

/** Revokes a key (keeping the first revocation time); null when there is no such key. */
export async function revokeApiKey(db: Executor, id: string, now: Date): Promise<ApiKeyRow | null> {
  const [revoked] = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning(summary);
  if (revoked) return revoked;
  const [existing] = await db.select(summary).from(apiKeys).where(eq(apiKeys.id, id));
  return existing ?? null;
}

/**
 * The active key with this hash, marking it used in the same statement; null when the key
 * is unknown or revoked.
 */
export async function useActiveApiKey(
  db: Executor,
  keyHash: string,
  now: Date,
): Promise<{ id: string; name: string; scopes: string[] } | null> {
  const [row] = await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name, scopes: apiKeys.scopes });
  return row ?? null;
}

/** One key's summary (never its hash), locked until the transaction ends; null when none. */
export async function lockApiKey(tx: Executor, id: string): Promise<ApiKeyRow | null> {
  const [row] = await tx.select(summary).from(apiKeys).where(eq(apiKeys.id, id)).for('update');
  return row ?? null;
}

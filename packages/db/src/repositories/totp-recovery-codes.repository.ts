import { and, count, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { totpRecoveryCodes } from '../schema/index.js';

/** Replaces an official's recovery codes with a new set (their hashes), in one statement pair. */
export async function replaceRecoveryCodes(db: Executor, officialId: string, hashes: string[]) {
  await db.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.officialId, officialId));
  if (hashes.length > 0) {
    await db.insert(totpRecoveryCodes).values(hashes.map((codeHash) => ({ officialId, codeHash })));
  }
}

/**
 * Marks one unused code as used: false when it is unknown or already used, so two sign-ins
 * racing with one code cannot both win (the conditional update decides).
 */
export async function useRecoveryCode(db: Executor, officialId: string, codeHash: string) {
  const rows = await db
    .update(totpRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(totpRecoveryCodes.officialId, officialId),
        eq(totpRecoveryCodes.codeHash, codeHash),
        isNull(totpRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: totpRecoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: Executor, officialId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(totpRecoveryCodes)
    .where(and(eq(totpRecoveryCodes.officialId, officialId), isNull(totpRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

export async function deleteRecoveryCodes(db: Executor, officialId: string) {
  await db.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.officialId, officialId));
}

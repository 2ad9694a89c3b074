import { and, asc, count, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { attachments } from '../schema/index.js';

export async function insertAttachment(
  db: Executor,
  row: typeof attachments.$inferInsert,
): Promise<void> {
  await db.insert(attachments).values(row);
}

export async function countAttachments(db: Executor, caseId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(attachments)
    .where(eq(attachments.caseId, caseId));
  return row?.n ?? 0;
}

/** A case's files, oldest first (for officials; citizens see only that they were received). */
export async function listAttachments(db: Executor, caseId: string) {
  return db
    .select({
      id: attachments.id,
      source: attachments.source,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      sizeBytes: attachments.sizeBytes,
      externalUrl: attachments.externalUrl,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.caseId, caseId))
    .orderBy(asc(attachments.createdAt));
}

/** A linked file (an MMS media URL) waiting to be fetched and kept by us; null once kept. */
export async function findAttachmentToFetch(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: attachments.id,
      caseId: attachments.caseId,
      fileName: attachments.fileName,
      externalUrl: attachments.externalUrl,
      storageKey: attachments.storageKey,
    })
    .from(attachments)
    .where(eq(attachments.id, id));
  return row ?? null;
}

/**
 * Records the fetched bytes of a linked file, once: false when another run recorded it first
 * (the row then keeps that run's facts; both wrote the same file under the same name).
 */
export async function markAttachmentFetched(
  db: Executor,
  id: string,
  kept: {
    fileName: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    storageKey: string;
  },
): Promise<boolean> {
  const rows = await db
    .update(attachments)
    .set(kept)
    .where(and(eq(attachments.id, id), isNull(attachments.storageKey)))
    .returning({ id: attachments.id });
  return rows.length > 0;
}

/** MMS files linked since `since` and not kept yet (their fetch job may have been lost). */
export async function listMediaToFetch(db: Executor, since: Date, limit: number) {
  return db
    .select({ id: attachments.id })
    .from(attachments)
    .where(
      and(
        eq(attachments.source, 'mms'),
        isNull(attachments.storageKey),
        isNotNull(attachments.externalUrl),
        gt(attachments.createdAt, since),
      ),
    )
    .orderBy(asc(attachments.createdAt))
    .limit(limit);
}

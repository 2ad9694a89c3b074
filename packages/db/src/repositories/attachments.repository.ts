import { asc, count, eq } from 'drizzle-orm';
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

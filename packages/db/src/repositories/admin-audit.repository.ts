import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { adminAudit } from '../schema/index.js';

/** One administrative change: who (null for the admin token), what, and the values around it. */
export interface AdminAuditEntry {
  officialId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export type AdminAuditRow = typeof adminAudit.$inferSelect;

/** Records administrative changes; written in the transaction that made them. */
export async function insertAdminAudit(db: Executor, entries: readonly AdminAuditEntry[]) {
  if (entries.length === 0) return;
  await db.insert(adminAudit).values(
    entries.map((e) => ({
      officialId: e.officialId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
}

/**
 * Audit rows, newest first, optionally of one entity (and one of its ids). `beforeId` is the
 * keyset cursor: ids are unique and grow with each insert, so pages never repeat a row even
 * when several changes share one timestamp (`at` is the transaction's start).
 */
export async function listAdminAuditPage(
  db: Executor,
  args: { entity?: string; entityId?: string; beforeId?: number; limit: number },
): Promise<AdminAuditRow[]> {
  const where: SQL[] = [];
  if (args.entity !== undefined) where.push(eq(adminAudit.entity, args.entity));
  if (args.entityId !== undefined) where.push(eq(adminAudit.entityId, args.entityId));
  if (args.beforeId !== undefined) where.push(lt(adminAudit.id, args.beforeId));
  return db
    .select()
    .from(adminAudit)
    .where(and(...where))
    .orderBy(desc(adminAudit.id))
    .limit(args.limit);
}

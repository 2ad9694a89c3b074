import { and, asc, eq } from 'drizzle-orm';
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

/** An entity's audit trail, oldest first. */
export async function listAdminAudit(db: Executor, entity: string, entityId: string) {
  return db
    .select()
    .from(adminAudit)
    .where(and(eq(adminAudit.entity, entity), eq(adminAudit.entityId, entityId)))
    .orderBy(asc(adminAudit.at), asc(adminAudit.id));
}

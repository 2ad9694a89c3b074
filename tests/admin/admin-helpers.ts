import { asc, eq, sql } from 'drizzle-orm';
import { tables, type Database } from '@hotline/db';

/** The audit rows of one entity, oldest first. */
export async function auditOf(db: Database, entity: string, entityId: string) {
  const { adminAudit } = tables;
  const rows = await db
    .select()
    .from(adminAudit)
    .where(sql`${adminAudit.entity} = ${entity} and ${adminAudit.entityId} = ${entityId}`)
    .orderBy(asc(adminAudit.id));
  return rows;
}

export async function unitByCode(db: Database, code: string) {
  const [row] = await db.select().from(tables.adminUnits).where(eq(tables.adminUnits.code, code));
  return row!;
}

import { desc, eq } from 'drizzle-orm';
import type { Executor, RawSql } from '../client.js';
import { blockedPhones } from '../schema/channels.js';

export interface BlockedPhoneRow {
  phone: string;
  reason: string;
  createdAt: Date;
  createdByOfficialId: string | null;
}

/** Every blocked number, newest first. */
export function listBlockedPhones(db: Executor): Promise<BlockedPhoneRow[]> {
  return db.select().from(blockedPhones).orderBy(desc(blockedPhones.createdAt));
}

/** The block on a number (E.164), if any. */
export async function findBlockedPhone(
  db: Executor,
  phone: string,
): Promise<BlockedPhoneRow | null> {
  const [row] = await db.select().from(blockedPhones).where(eq(blockedPhones.phone, phone));
  return row ?? null;
}

/** Blocks a number (again: the reason is replaced). */
export async function upsertBlockedPhone(
  db: Executor,
  row: { phone: string; reason: string; createdByOfficialId: string | null },
): Promise<BlockedPhoneRow> {
  const [stored] = await db
    .insert(blockedPhones)
    .values(row)
    .onConflictDoUpdate({ target: blockedPhones.phone, set: { reason: row.reason } })
    .returning();
  return stored!;
}

/** Unblocks a number; false when it was not blocked. */
export async function deleteBlockedPhone(db: Executor, phone: string): Promise<boolean> {
  const rows = await db
    .delete(blockedPhones)
    .where(eq(blockedPhones.phone, phone))
    .returning({ phone: blockedPhones.phone });
  return rows.length > 0;
}

/** True when the number (E.164) is blocked; on the raw client (the SMS path). */
export async function isPhoneBlocked(raw: RawSql, phone: string): Promise<boolean> {
  const rows = await raw`select 1 from blocked_phones where phone = ${phone}`;
  return rows.length > 0;
}

import { and, arrayContains, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES, type OfficialRole } from '@hotline/domain';
import type { Executor, Tx } from '../client.js';
import {
  adminUnits,
  calendars,
  cases,
  categories,
  hotlines,
  officials,
  routingRules,
} from '../schema/index.js';

export type UnitRow = typeof adminUnits.$inferSelect;
export type UnitInsert = typeof adminUnits.$inferInsert;
export type OfficialRow = typeof officials.$inferSelect;
export type OfficialInsert = typeof officials.$inferInsert;
export type HotlineRow = typeof hotlines.$inferSelect;
export type HotlineInsert = typeof hotlines.$inferInsert;
export type CategoryRow = typeof categories.$inferSelect;
export type CategoryInsert = typeof categories.$inferInsert;

// ---- units

export const listUnitRows = (db: Executor): Promise<UnitRow[]> =>
  db.select().from(adminUnits).orderBy(asc(adminUnits.code));

export async function findUnitRowByCode(db: Executor, code: string): Promise<UnitRow | null> {
  const [row] = await db.select().from(adminUnits).where(eq(adminUnits.code, code));
  return row ?? null;
}

export async function findTriageUnitRow(db: Executor): Promise<UnitRow | null> {
  const [row] = await db.select().from(adminUnits).where(eq(adminUnits.isTriage, true));
  return row ?? null;
}

export async function insertUnitRow(db: Executor, values: UnitInsert): Promise<UnitRow> {
  const [row] = await db.insert(adminUnits).values(values).returning();
  return row!;
}

export async function updateUnitRow(
  db: Executor,
  id: string,
  patch: Partial<UnitInsert>,
): Promise<UnitRow> {
  const [row] = await db.update(adminUnits).set(patch).where(eq(adminUnits.id, id)).returning();
  return row!;
}

/** Locks units (in id order, so two merges never deadlock) and returns them. */
export async function lockUnitRows(tx: Tx, ids: string[]): Promise<UnitRow[]> {
  return tx
    .select()
    .from(adminUnits)
    .where(inArray(adminUnits.id, ids))
    .orderBy(asc(adminUnits.id))
    .for('update');
}

export async function calendarExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: calendars.id }).from(calendars).where(eq(calendars.id, id));
  return row !== undefined;
}

export async function countOpenCasesOfUnit(db: Executor, unitId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(cases)
    .where(and(eq(cases.unitId, unitId), inArray(cases.status, [...OPEN_STATUSES])));
  return row?.n ?? 0;
}

export async function countActiveOfficialsOfUnit(db: Executor, unitId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(officials)
    .where(and(eq(officials.unitId, unitId), eq(officials.isActive, true)));
  return row?.n ?? 0;
}

/** Ids of the unit's open cases, oldest first. */
export async function listOpenCaseIdsOfUnit(db: Executor, unitId: string): Promise<string[]> {
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.unitId, unitId), inArray(cases.status, [...OPEN_STATUSES])))
    .orderBy(asc(cases.receivedAt), asc(cases.id));
  return rows.map((r) => r.id);
}

// ---- reorganisation (a merge moves everything that points at the unit)

export async function moveOfficialsToUnit(tx: Tx, fromId: string, toId: string) {
  const rows = await tx
    .update(officials)
    .set({ unitId: toId })
    .where(eq(officials.unitId, fromId))
    .returning({ id: officials.id });
  return rows.length;
}

export async function moveHotlinesToUnit(tx: Tx, fromId: string, toId: string) {
  const rows = await tx
    .update(hotlines)
    .set({ unitId: toId })
    .where(eq(hotlines.unitId, fromId))
    .returning({ id: hotlines.id });
  return rows.length;
}

export async function reparentChildUnits(tx: Tx, fromId: string, toId: string) {
  const rows = await tx
    .update(adminUnits)
    .set({ parentId: toId })
    .where(eq(adminUnits.parentId, fromId))
    .returning({ id: adminUnits.id });
  return rows.length;
}

/**
 * Rules that send cases to the unit now send them to `toId`, and location conditions naming
 * it name `toId` instead. Returns the ids of the rules changed.
 */
export async function retargetRoutingRules(tx: Tx, fromId: string, toId: string) {
  const rules = await tx.select().from(routingRules).for('update');
  const changed: string[] = [];
  for (const rule of rules) {
    const located = rule.conditions.locationUnitIds ?? [];
    const names = located.includes(fromId);
    if (rule.targetUnitId !== fromId && !names) continue;
    const conditions = names
      ? {
          ...rule.conditions,
          locationUnitIds: [...new Set(located.map((id) => (id === fromId ? toId : id)))],
        }
      : rule.conditions;
    await tx
      .update(routingRules)
      .set({
        targetUnitId: rule.targetUnitId === fromId ? toId : rule.targetUnitId,
        conditions,
        updatedAt: new Date(),
      })
      .where(eq(routingRules.id, rule.id));
    changed.push(rule.id);
  }
  return changed;
}

// ---- officials

export interface OfficialFilter {
  unitId?: string;
  role?: OfficialRole;
  isActive?: boolean;
}

export async function listOfficialRows(db: Executor, filter: OfficialFilter) {
  const where: SQL[] = [];
  if (filter.unitId) where.push(eq(officials.unitId, filter.unitId));
  if (filter.role) where.push(arrayContains(officials.roles, [filter.role]));
  if (filter.isActive !== undefined) where.push(eq(officials.isActive, filter.isActive));
  return db
    .select()
    .from(officials)
    .where(and(...where))
    .orderBy(asc(officials.fullName), asc(officials.id));
}

export async function findOfficialRow(db: Executor, id: string): Promise<OfficialRow | null> {
  const [row] = await db.select().from(officials).where(eq(officials.id, id));
  return row ?? null;
}

export async function findOfficialRowByEmail(db: Executor, email: string) {
  const [row] = await db.select().from(officials).where(eq(officials.email, email));
  return row ?? null;
}

export async function insertOfficialRow(db: Executor, values: OfficialInsert) {
  const [row] = await db.insert(officials).values(values).returning();
  return row!;
}

export async function updateOfficialRow(db: Executor, id: string, patch: Partial<OfficialInsert>) {
  const [row] = await db.update(officials).set(patch).where(eq(officials.id, id)).returning();
  return row!;
}

// ---- hotlines

export const listHotlineRows = (db: Executor): Promise<HotlineRow[]> =>
  db.select().from(hotlines).orderBy(asc(hotlines.number));

export async function findHotlineRow(db: Executor, id: string): Promise<HotlineRow | null> {
  const [row] = await db.select().from(hotlines).where(eq(hotlines.id, id));
  return row ?? null;
}

export async function findHotlineRowByNumber(db: Executor, number: string) {
  const [row] = await db.select().from(hotlines).where(eq(hotlines.number, number));
  return row ?? null;
}

export async function insertHotlineRow(db: Executor, values: HotlineInsert) {
  const [row] = await db.insert(hotlines).values(values).returning();
  return row!;
}

export async function updateHotlineRow(db: Executor, id: string, patch: Partial<HotlineInsert>) {
  const [row] = await db.update(hotlines).set(patch).where(eq(hotlines.id, id)).returning();
  return row!;
}

// ---- categories

export const listCategoryRows = (db: Executor): Promise<CategoryRow[]> =>
  db.select().from(categories).orderBy(asc(categories.sortOrder), asc(categories.code));

export async function findCategoryRowByCode(db: Executor, code: string) {
  const [row] = await db.select().from(categories).where(eq(categories.code, code));
  return row ?? null;
}

export async function insertCategoryRow(db: Executor, values: CategoryInsert) {
  const [row] = await db.insert(categories).values(values).returning();
  return row!;
}

export async function updateCategoryRow(db: Executor, id: string, patch: Partial<CategoryInsert>) {
  const [row] = await db.update(categories).set(patch).where(eq(categories.id, id)).returning();
  return row!;
}

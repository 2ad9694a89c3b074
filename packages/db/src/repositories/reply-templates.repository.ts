import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { adminUnits, cases, categories, replyTemplates } from '../schema/index.js';

export type ReplyTemplateRow = typeof replyTemplates.$inferSelect;
export type ReplyTemplateInsert = typeof replyTemplates.$inferInsert;

/** A template with the names of its unit and category, as the management page lists it. */
export interface ReplyTemplateListRow extends ReplyTemplateRow {
  unitCode: string | null;
  unitName: string | null;
  categoryCode: string | null;
  categoryName: string | null;
}

const listColumns = {
  id: replyTemplates.id,
  unitId: replyTemplates.unitId,
  categoryId: replyTemplates.categoryId,
  purpose: replyTemplates.purpose,
  title: replyTemplates.title,
  body: replyTemplates.body,
  isActive: replyTemplates.isActive,
  createdBy: replyTemplates.createdBy,
  createdAt: replyTemplates.createdAt,
  updatedAt: replyTemplates.updatedAt,
  unitCode: adminUnits.code,
  unitName: adminUnits.name,
  categoryCode: categories.code,
  categoryName: categories.name,
};

/** Templates of the given units (null: all, the province-wide ones included), by title. */
export function listReplyTemplateRows(
  db: Executor,
  unitIds: readonly string[] | null,
): Promise<ReplyTemplateListRow[]> {
  return db
    .select(listColumns)
    .from(replyTemplates)
    .leftJoin(adminUnits, eq(adminUnits.id, replyTemplates.unitId))
    .leftJoin(categories, eq(categories.id, replyTemplates.categoryId))
    .where(
      unitIds === null
        ? undefined
        : unitIds.length === 0
          ? sql`false`
          : inArray(replyTemplates.unitId, [...unitIds]),
    )
    .orderBy(asc(replyTemplates.purpose), asc(replyTemplates.title), asc(replyTemplates.id));
}

export async function findReplyTemplateRow(db: Executor, id: string) {
  const [row] = await db
    .select(listColumns)
    .from(replyTemplates)
    .leftJoin(adminUnits, eq(adminUnits.id, replyTemplates.unitId))
    .leftJoin(categories, eq(categories.id, replyTemplates.categoryId))
    .where(eq(replyTemplates.id, id));
  return row ?? null;
}

export async function insertReplyTemplateRow(db: Executor, values: ReplyTemplateInsert) {
  const [row] = await db.insert(replyTemplates).values(values).returning({ id: replyTemplates.id });
  return row!.id;
}

export async function updateReplyTemplateRow(
  db: Executor,
  id: string,
  patch: Partial<ReplyTemplateInsert>,
) {
  await db
    .update(replyTemplates)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(replyTemplates.id, id));
}

export async function deleteReplyTemplateRow(db: Executor, id: string) {
  await db.delete(replyTemplates).where(eq(replyTemplates.id, id));
}

/**
 * The active templates one form may offer for a case: its unit's and the province-wide ones,
 * for its category or for any; the most specific first.
 */
export function listReplyTemplatesForCase(
  db: Executor,
  facts: { unitId: string | null; categoryId: string; purpose: string },
) {
  return db
    .select({ id: replyTemplates.id, title: replyTemplates.title, body: replyTemplates.body })
    .from(replyTemplates)
    .where(
      and(
        eq(replyTemplates.isActive, true),
        eq(replyTemplates.purpose, facts.purpose),
        facts.unitId
          ? or(isNull(replyTemplates.unitId), eq(replyTemplates.unitId, facts.unitId))
          : isNull(replyTemplates.unitId),
        or(isNull(replyTemplates.categoryId), eq(replyTemplates.categoryId, facts.categoryId)),
      ),
    )
    .orderBy(
      sql`(${replyTemplates.unitId} is null), (${replyTemplates.categoryId} is null)`,
      asc(replyTemplates.title),
    );
}

/** What a template's placeholders are filled with for one case. */
export async function findTemplateFactsOfCase(db: Executor, caseId: string) {
  const [row] = await db
    .select({
      trackingCode: cases.trackingCode,
      unitId: cases.unitId,
      unitName: adminUnits.name,
      categoryId: cases.categoryId,
      categoryName: categories.name,
      resolutionDueAt: cases.resolutionDueAt,
      receivedAt: cases.receivedAt,
    })
    .from(cases)
    .leftJoin(adminUnits, eq(adminUnits.id, cases.unitId))
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .where(eq(cases.id, caseId));
  return row ?? null;
}

/** A merged unit's templates become the receiving unit's. */
export async function moveReplyTemplatesToUnit(db: Executor, fromId: string, toId: string) {
  await db
    .update(replyTemplates)
    .set({ unitId: toId, updatedAt: new Date() })
    .where(eq(replyTemplates.unitId, fromId));
}

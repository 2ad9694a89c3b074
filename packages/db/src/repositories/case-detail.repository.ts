import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.js';
import { adminUnits, categories, cases, officials } from '../schema/index.js';
import { caseScopeCondition, type CaseScope } from './case-scope.repository.js';

const unit = alias(adminUnits, 'detail_unit');
const commune = alias(adminUnits, 'detail_commune');
const assignee = alias(officials, 'detail_assignee');

/** Everything the officials' case page shows from the `cases` row and its references. */
export async function findCaseDetailRow(db: Executor, caseId: string) {
  const [row] = await db
    .select({
      case: cases,
      categoryCode: categories.code,
      categoryName: categories.name,
      unitCode: unit.code,
      unitName: unit.name,
      unitNeedsApproval: unit.resolutionNeedsApproval,
      communeCode: commune.code,
      communeName: commune.name,
      assigneeName: assignee.fullName,
    })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .leftJoin(unit, eq(unit.id, cases.unitId))
    .leftJoin(commune, eq(commune.id, cases.communeUnitId))
    .leftJoin(assignee, eq(assignee.id, cases.assigneeId))
    .where(eq(cases.id, caseId));
  return row ?? null;
}

/** Whether a handler's resolution in this unit waits for a leader's approval. */
export async function unitNeedsResolutionApproval(
  db: Executor,
  unitId: string | null,
): Promise<boolean> {
  if (!unitId) return false;
  const [row] = await db
    .select({ needs: adminUnits.resolutionNeedsApproval })
    .from(adminUnits)
    .where(eq(adminUnits.id, unitId));
  return row?.needs ?? false;
}

/** An active unit by its code. */
export async function findActiveUnitIdByCode(db: Executor, code: string): Promise<string | null> {
  const [row] = await db
    .select({ id: adminUnits.id })
    .from(adminUnits)
    .where(and(eq(adminUnits.code, code), eq(adminUnits.isActive, true)));
  return row?.id ?? null;
}

/** The unit and standing of an official (to check an assignee). */
export async function findOfficialStanding(db: Executor, officialId: string) {
  const [row] = await db
    .select({ unitId: officials.unitId, isActive: officials.isActive, roles: officials.roles })
    .from(officials)
    .where(eq(officials.id, officialId));
  return row ?? null;
}

/** Officials' full names by id. */
export async function findOfficialNames(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: officials.id, fullName: officials.fullName })
    .from(officials)
    .where(inArray(officials.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/**
 * Other cases in scope that may be about the same thing: the same citizen's phone, the same
 * commune since `since`, or a text similar by trigrams (the expression of cases_text_search_idx).
 */
export async function findRelatedCases(
  db: Executor,
  scope: CaseScope,
  of: {
    caseId: string;
    phone: string | null;
    communeUnitId: string | null;
    text: string;
    since: Date;
    limit: number;
  },
) {
  const since = of.since.toISOString();
  const samePhone = of.phone ? sql`${cases.citizenPhone} = ${of.phone}` : sql`false`;
  const sameCommune = of.communeUnitId
    ? sql`(${cases.communeUnitId} = ${of.communeUnitId} and ${cases.receivedAt} >= ${since}::timestamptz)`
    : sql`false`;
  const similarity = sql<number>`similarity(hotline_fold(${cases.text}), hotline_fold(${of.text}))`;
  const similar = sql`(hotline_fold(${cases.text}) % hotline_fold(${of.text}) and ${similarity} > 0.3)`;
  return db
    .select({
      id: cases.id,
      trackingCode: cases.trackingCode,
      status: cases.status,
      receivedAt: cases.receivedAt,
      isSamePhone: sql<boolean>`coalesce(${samePhone}, false)`,
      isSameCommune: sql<boolean>`coalesce(${sameCommune}, false)`,
      similarity: sql<number>`${similarity}::float8`,
    })
    .from(cases)
    .where(
      and(
        ne(cases.id, of.caseId),
        caseScopeCondition(scope),
        sql`(${samePhone} or ${sameCommune} or ${similar})`,
      ),
    )
    .orderBy(sql`${similarity} desc`, sql`${cases.receivedAt} desc`)
    .limit(of.limit);
}

/** Duplicates merged into a case, with their citizens' contacts (told the answer too). */
export async function listMergedCaseContacts(db: Executor, intoCaseId: string) {
  return db
    .select({
      caseId: cases.id,
      trackingCode: cases.trackingCode,
      phone: cases.citizenPhone,
      email: cases.citizenEmail,
    })
    .from(cases)
    .where(and(eq(cases.mergedIntoId, intoCaseId), eq(cases.status, 'merged')));
}

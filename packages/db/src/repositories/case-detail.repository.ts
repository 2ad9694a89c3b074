import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
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
 * Cases related to one: the same phone (any time), the same commune or a similar text (both
 * within `since`), in the official's scope, most similar first. Three bounded lookups, each on
 * its own index (phone; commune and received time; the trigram index with the BRIN on received
 * time), joined afterwards: one OR over the whole table made Postgres recheck every similar
 * text in the province's history (seconds at a million cases, measured).
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
  const inScope = caseScopeCondition(scope);
  const branch = (condition: SQL) => sql`(
    select ${cases.id} as id from ${cases}
    where ${condition} and ${cases.id} <> ${of.caseId} and ${inScope}
    order by ${cases.receivedAt} desc limit ${of.limit * 4})`;
  const branches = [
    of.phone ? branch(sql`${cases.citizenPhone} = ${of.phone}`) : null,
    of.communeUnitId
      ? branch(
          sql`${cases.communeUnitId} = ${of.communeUnitId} and ${cases.receivedAt} >= ${since}::timestamptz`,
        )
      : null,
    branch(
      sql`${cases.receivedAt} >= ${since}::timestamptz and hotline_fold(${cases.text}) % hotline_fold(${of.text})`,
    ),
  ].filter((b): b is SQL => b !== null);
  const rows = await db.execute<{
    id: string;
    tracking_code: string;
    status: string;
    received_at: string | Date;
    is_same_phone: boolean;
    is_same_commune: boolean;
    similarity: number;
  }>(sql`
    with candidates as (${sql.join(branches, sql` union `)})
    select c.id, c.tracking_code, c.status, c.received_at,
      coalesce(c.citizen_phone = ${of.phone}, false) as is_same_phone,
      coalesce(c.commune_unit_id = ${of.communeUnitId}::uuid and c.received_at >= ${since}::timestamptz, false)
        as is_same_commune,
      similarity(hotline_fold(c.text), hotline_fold(${of.text}))::float8 as similarity
    from candidates join cases c on c.id = candidates.id
    order by similarity desc, c.received_at desc
    limit ${of.limit}`);
  return rows.map((r) => ({
    id: r.id,
    trackingCode: r.tracking_code,
    status: r.status as (typeof cases.$inferSelect)['status'],
    receivedAt: new Date(r.received_at),
    isSamePhone: r.is_same_phone,
    isSameCommune: r.is_same_commune,
    similarity: r.similarity,
  }));
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

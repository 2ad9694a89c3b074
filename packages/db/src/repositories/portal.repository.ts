import { and, asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.js';
import { adminUnits, cases, categories, hotlines, officials } from '../schema/index.js';
import { publicationFactColumns } from './publication-facts.js';

const parent = alias(adminUnits, 'parent');

/**
 * The published hotline numbers with the leader who answers each (name and title) and the
 * unit: what a citizen may know. The leader's own phone and e-mail are never selected.
 */
export async function listHotlineDirectory(db: Executor) {
  return (
    db
      .select({
        number: hotlines.number,
        displayNumber: hotlines.displayNumber,
        name: hotlines.name,
        nameEn: hotlines.nameEn,
        leaderName: officials.fullName,
        leaderTitle: officials.title,
        unitCode: adminUnits.code,
        unitName: adminUnits.name,
        unitNameEn: adminUnits.nameEn,
        unitKind: adminUnits.kind,
      })
      .from(hotlines)
      .innerJoin(officials, eq(officials.id, hotlines.ownerOfficialId))
      .innerJoin(adminUnits, eq(adminUnits.id, hotlines.unitId))
      // A drill's number is for officials practising, never for citizens to call.
      .where(
        and(
          eq(hotlines.isActive, true),
          eq(hotlines.isDrill, false),
          eq(adminUnits.isDrill, false),
        ),
      )
      .orderBy(asc(hotlines.name))
  );
}

/** Active communes and wards (xã, phường) with the district or city above each, for pickers. */
export async function listActiveCommunes(db: Executor) {
  return db
    .select({
      code: adminUnits.code,
      name: adminUnits.name,
      nameEn: adminUnits.nameEn,
      parentCode: parent.code,
      parentName: parent.name,
      parentNameEn: parent.nameEn,
    })
    .from(adminUnits)
    .leftJoin(parent, eq(parent.id, adminUnits.parentId))
    .where(and(eq(adminUnits.kind, 'commune'), eq(adminUnits.isActive, true)))
    .orderBy(asc(parent.name), asc(adminUnits.name));
}

/** The root unit's name (the province), for page titles; null before any unit exists. */
export async function findProvinceName(
  db: Executor,
): Promise<{ name: string; nameEn: string | null } | null> {
  const [row] = await db
    .select({ name: adminUnits.name, nameEn: adminUnits.nameEn })
    .from(adminUnits)
    .where(and(eq(adminUnits.kind, 'province'), eq(adminUnits.isActive, true)))
    .orderBy(asc(adminUnits.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * What the citizen's tracking page adds to the public view: the case's id (to load its
 * history), its resolution deadline and status. No personal data is selected.
 */
export async function findCaseTrackingRow(db: Executor, trackingCode: string) {
  const [row] = await db
    .select({
      id: cases.id,
      status: cases.status,
      resolutionDueAt: cases.resolutionDueAt,
      slaState: cases.slaState,
      // What the public-case module needs to decide whether the answer may be shown.
      ...publicationFactColumns,
    })
    .from(cases)
    .where(eq(cases.trackingCode, trackingCode));
  return row ?? null;
}

/** How many of a citizen's cases the "my cases" page lists (newest first). */
const CITIZEN_CASES_MAX = 200;

/**
 * Every case filed from a phone number (E.164), newest first, whatever its type (a denunciation
 * too: this is read only for whoever proved the number): what the citizen's own list shows.
 */
export async function listCasesOfPhone(db: Executor, phone: string) {
  return db
    .select({
      trackingCode: cases.trackingCode,
      type: cases.type,
      status: cases.status,
      receivedAt: cases.receivedAt,
      resolutionDueAt: cases.resolutionDueAt,
      slaState: cases.slaState,
      categoryName: categories.name,
    })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .where(eq(cases.citizenPhone, phone))
    .orderBy(desc(cases.receivedAt), desc(cases.id))
    .limit(CITIZEN_CASES_MAX);
}

/** Whether any case was filed from the phone number (E.164). */
export async function hasCasesOfPhone(db: Executor, phone: string): Promise<boolean> {
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.citizenPhone, phone))
    .limit(1);
  return rows.length > 0;
}

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { adminUnits, categories } from '../schema/index.js';

/** The province triage unit (the fallback for cases no hotline claims), or null if none. */
export async function findTriageUnitId(db: Executor): Promise<string | null> {
  const [row] = await db
    .select({ id: adminUnits.id })
    .from(adminUnits)
    .where(eq(adminUnits.isTriage, true));
  return row?.id ?? null;
}

/** Active categories in display order, for intake forms; drill categories only when asked. */
export async function listActiveCategories(db: Executor, opts: { includeDrills?: boolean } = {}) {
  return db
    .select({
      code: categories.code,
      name: categories.name,
      nameEn: categories.nameEn,
      description: categories.description,
      descriptionEn: categories.descriptionEn,
      isDrill: categories.isDrill,
    })
    .from(categories)
    .where(
      and(
        eq(categories.isActive, true),
        opts.includeDrills ? undefined : eq(categories.isDrill, false),
      ),
    )
    .orderBy(asc(categories.sortOrder), asc(categories.name));
}

/** Code and name of the given units (for timelines and views). */
export async function findUnitsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: adminUnits.id,
      code: adminUnits.code,
      name: adminUnits.name,
      nameEn: adminUnits.nameEn,
    })
    .from(adminUnits)
    .where(inArray(adminUnits.id, [...ids]));
}

export async function findCategoryIdByCode(db: Executor, code: string): Promise<string | null> {
  const [row] = await db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.code, code));
  return row?.id ?? null;
}

export async function findCategoryCodes(db: Executor): Promise<Map<string, string>> {
  const rows = await db.select({ id: categories.id, code: categories.code }).from(categories);
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** Readiness: the database answers a trivial query. */
export async function pingDatabase(db: Executor): Promise<void> {
  await db.execute(sql`select 1`);
}

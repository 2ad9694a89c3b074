import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.js';
import { adminUnits, categories, cases } from '../schema/index.js';

const unit = alias(adminUnits, 'unit');

/** The public face of a case: no personal data is selected at all. */
export async function findPublicCase(db: Executor, trackingCode: string) {
  const [row] = await db
    .select({
      id: cases.id,
      trackingCode: cases.trackingCode,
      status: cases.status,
      type: cases.type,
      channel: cases.channel,
      receivedAt: cases.receivedAt,
      updatedAt: cases.updatedAt,
      categoryCode: categories.code,
      categoryName: categories.name,
      categoryNameEn: categories.nameEn,
      unitCode: unit.code,
      unitName: unit.name,
      unitNameEn: unit.nameEn,
    })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .leftJoin(unit, eq(unit.id, cases.unitId))
    .where(eq(cases.trackingCode, trackingCode));
  return row ?? null;
}

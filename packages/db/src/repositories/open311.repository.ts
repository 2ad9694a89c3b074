import { and, asc, desc, eq, gte, inArray, lt, ne, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CaseStatus } from '@hotline/domain';
import type { Executor, RawSql } from '../client.js';
import { adminUnits, categories, cases } from '../schema/index.js';
import { publicationFactColumns } from './publication-facts.js';

const unit = alias(adminUnits, 'unit');

const service = {
  code: categories.code,
  name: categories.name,
  nameEn: categories.nameEn,
  description: categories.description,
  descriptionEn: categories.descriptionEn,
  keywords: categories.keywords,
  groupName: categories.groupName,
  attributes: categories.attributes,
};

/** Active categories as Open311 services, in display order; drills are not for citizens. */
export async function listOpen311Services(db: Executor) {
  return db
    .select(service)
    .from(categories)
    .where(and(eq(categories.isActive, true), eq(categories.isDrill, false)))
    .orderBy(asc(categories.sortOrder), asc(categories.name));
}

/** One active category as an Open311 service, or null (a drill category is no service). */
export async function findOpen311Service(db: Executor, code: string) {
  const [row] = await db
    .select(service)
    .from(categories)
    .where(
      and(eq(categories.code, code), eq(categories.isActive, true), eq(categories.isDrill, false)),
    );
  return row ?? null;
}

export interface Open311RequestFilter {
  /**
   * Normalised tracking codes and case ids (the opaque ids lists show for cases that are not
   * published); when given, the other filters are ignored (as the spec says).
   */
  trackingCodes?: readonly string[];
  caseIds?: readonly string[];
  categoryCode?: string;
  receivedFrom?: Date;
  receivedBefore?: Date;
  statuses?: readonly CaseStatus[];
  limit: number;
  offset?: number;
}

/**
 * Cases as Open311 service requests, newest first, never a denunciation. No personal data is
 * selected: the citizen's name, phone and e-mail never leave the table here; the text, place
 * and answer are selected only for core's public-case module to decide what may be shown.
 */
export async function listOpen311Requests(db: Executor, filter: Open311RequestFilter) {
  const where: SQL[] = [ne(cases.type, 'denunciation')];
  if (filter.trackingCodes || filter.caseIds) {
    const byCode = filter.trackingCodes ?? [];
    const byId = filter.caseIds ?? [];
    if (byCode.length === 0 && byId.length === 0) return [];
    where.push(
      or(
        ...(byCode.length > 0 ? [inArray(cases.trackingCode, [...byCode])] : []),
        ...(byId.length > 0 ? [inArray(cases.id, [...byId])] : []),
      )!,
    );
  } else {
    // Browsing lists no drill; asking for a drill case by its code still finds it.
    where.push(eq(categories.isDrill, false));
    if (filter.categoryCode !== undefined) where.push(eq(categories.code, filter.categoryCode));
    if (filter.receivedFrom) where.push(gte(cases.receivedAt, filter.receivedFrom));
    if (filter.receivedBefore) where.push(lt(cases.receivedAt, filter.receivedBefore));
    if (filter.statuses) where.push(inArray(cases.status, [...filter.statuses]));
  }
  return db
    .select({
      id: cases.id,
      trackingCode: cases.trackingCode,
      status: cases.status,
      ...publicationFactColumns,
      categoryCode: categories.code,
      categoryName: categories.name,
      unitName: unit.name,
      receivedAt: cases.receivedAt,
      updatedAt: cases.updatedAt,
      resolutionDueAt: cases.resolutionDueAt,
      latitude: cases.latitude,
      longitude: cases.longitude,
    })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .leftJoin(unit, eq(unit.id, cases.unitId))
    .where(and(...where))
    .orderBy(desc(cases.receivedAt), desc(cases.id))
    .limit(filter.limit)
    .offset(filter.offset ?? 0);
}

export type Open311RequestRow = Awaited<ReturnType<typeof listOpen311Requests>>[number];

/** Records a file kept elsewhere (an Open311 media_url) as an attachment of a case. */
export async function insertLinkedAttachment(
  sql: RawSql,
  link: { caseId: string; source: string; url: string; fileName: string; contentType: string },
) {
  // On the raw client, so that it joins intake's transaction (see submitOpen311Request).
  await sql`
    insert into attachments (case_id, source, file_name, content_type, external_url)
    values (${link.caseId}::uuid, ${link.source}, ${link.fileName}, ${link.contentType}, ${link.url})
  `;
}

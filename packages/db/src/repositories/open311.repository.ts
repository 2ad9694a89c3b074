import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CaseStatus } from '@hotline/domain';
import type { Executor } from '../client.js';
import { adminUnits, attachments, categories, cases } from '../schema/index.js';

const unit = alias(adminUnits, 'unit');

const service = {
  code: categories.code,
  name: categories.name,
  description: categories.description,
  keywords: categories.keywords,
  groupName: categories.groupName,
  attributes: categories.attributes,
};

/** Active categories as Open311 services, in display order. */
export async function listOpen311Services(db: Executor) {
  return db
    .select(service)
    .from(categories)
    .where(eq(categories.isActive, true))
    .orderBy(asc(categories.sortOrder), asc(categories.name));
}

/** One active category as an Open311 service, or null. */
export async function findOpen311Service(db: Executor, code: string) {
  const [row] = await db
    .select(service)
    .from(categories)
    .where(and(eq(categories.code, code), eq(categories.isActive, true)));
  return row ?? null;
}

export interface Open311RequestFilter {
  /** Normalised tracking codes; when given, the other filters are ignored (as the spec says). */
  trackingCodes?: readonly string[];
  categoryCode?: string;
  receivedFrom?: Date;
  receivedBefore?: Date;
  statuses?: readonly CaseStatus[];
  limit: number;
}

/**
 * Cases as Open311 service requests, newest first. No personal data is selected: the
 * citizen's name, phone and e-mail never leave the table here.
 */
export async function listOpen311Requests(db: Executor, filter: Open311RequestFilter) {
  const where: SQL[] = [];
  if (filter.trackingCodes) {
    if (filter.trackingCodes.length === 0) return [];
    where.push(inArray(cases.trackingCode, [...filter.trackingCodes]));
  } else {
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
      categoryCode: categories.code,
      categoryName: categories.name,
      text: cases.text,
      unitName: unit.name,
      receivedAt: cases.receivedAt,
      updatedAt: cases.updatedAt,
      resolutionDueAt: cases.resolutionDueAt,
      address: cases.address,
      latitude: cases.latitude,
      longitude: cases.longitude,
      // The latest answer given in public: a reply or the resolution.
      statusNotes: sql<string | null>`(
        select coalesce(e.payload->>'text', e.payload->>'resolutionText') from case_events e
        where e.case_id = ${cases.id} and e.type in ('replied', 'resolved')
        order by e.version desc limit 1)`,
      mediaUrl: sql<string | null>`(
        select a.external_url from attachments a
        where a.case_id = ${cases.id} and a.external_url is not null
        order by a.created_at limit 1)`,
    })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .leftJoin(unit, eq(unit.id, cases.unitId))
    .where(and(...where))
    .orderBy(desc(cases.receivedAt))
    .limit(filter.limit);
}

export type Open311RequestRow = Awaited<ReturnType<typeof listOpen311Requests>>[number];

/** Records a file kept elsewhere (an Open311 media_url) as an attachment of a case. */
export async function insertLinkedAttachment(
  db: Executor,
  link: { caseId: string; source: string; url: string; fileName: string; contentType: string },
) {
  await db.insert(attachments).values({
    caseId: link.caseId,
    source: link.source,
    fileName: link.fileName,
    contentType: link.contentType,
    externalUrl: link.url,
  });
}

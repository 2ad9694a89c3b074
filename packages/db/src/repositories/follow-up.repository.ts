import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.js';
import { adminUnits, caseEvents, categories, cases } from '../schema/index.js';
import { drillsLeftOut } from './drill-filter.js';
import { publicationFactColumns } from './publication-facts.js';

const unit = alias(adminUnits, 'unit');

/**
 * What proving ownership of a case needs: the owner token's hash and the phone a one-time code
 * goes to. Personal data: never returned to the caller of the API, never logged.
 */
export async function findCaseOwnership(db: Executor, trackingCode: string) {
  const [row] = await db
    .select({
      id: cases.id,
      trackingCode: cases.trackingCode,
      version: cases.version,
      ownerTokenHash: cases.ownerTokenHash,
      citizenPhone: cases.citizenPhone,
    })
    .from(cases)
    .where(eq(cases.trackingCode, trackingCode));
  return row ?? null;
}

// The latest `resolved` event's answer and time: the resolution lives in the event payload.
const resolvedEvent = sql`(
  select e.occurred_at, e.payload->>'resolutionText' as resolution_text from ${caseEvents} e
  where e.case_id = ${cases.id} and e.type = 'resolved'
  order by e.version desc limit 1)`;

/**
 * Published cases: the citizen consented and an official approved the redacted text and
 * answer (never a denunciation), newest approval first. Only the approved texts are selected,
 * never the originals; core's public-case module still decides per row what is shown.
 */
export async function listPublishedCases(db: Executor, page: { limit: number; offset: number }) {
  const resolvedAt = sql<string>`(select to_json(r.occurred_at) #>> '{}' from ${resolvedEvent} r)`;
  return db
    .select({
      trackingCode: cases.trackingCode,
      status: cases.status,
      ...publicationFactColumns,
      categoryCode: categories.code,
      categoryName: categories.name,
      unitCode: unit.code,
      unitName: unit.name,
      resolvedAt: resolvedAt.as('resolved_at'),
    })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .leftJoin(unit, eq(unit.id, cases.unitId))
    .where(
      and(
        eq(cases.publicationState, 'approved'),
        eq(cases.consentToPublish, true),
        ne(cases.type, 'denunciation'),
        drillsLeftOut({}, 'cases'),
      ),
    )
    .orderBy(desc(cases.publicationDecidedAt), desc(cases.id))
    .limit(page.limit)
    .offset(page.offset);
}

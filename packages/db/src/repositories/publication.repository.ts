import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Lang } from '@hotline/domain';
import type { Executor } from '../client.js';
import { adminUnits, caseEvents, categories, cases, officials } from '../schema/index.js';
import { caseScopeCondition, type CaseScope } from './case-scope.repository.js';
import { nameInLang, nameInLangOrNull } from './name-in-lang.js';

const unit = alias(adminUnits, 'unit');

// The latest answer given: the resolution lives in the `resolved` event's payload.
const latestAnswer = sql<string | null>`(
  select e.payload->>'resolutionText' from ${caseEvents} e
  where e.case_id = ${cases.id} and e.type = 'resolved'
  order by e.version desc limit 1)`;

// The citizen's contact: selected only to be redacted from what moderators are shown.
const contact = {
  citizenName: cases.citizenName,
  citizenPhone: cases.citizenPhone,
  citizenEmail: cases.citizenEmail,
  address: cases.address,
};

/** Cases moderation may look at: answered, consented, never denunciations. */
const reviewable = and(
  eq(cases.consentToPublish, true),
  ne(cases.type, 'denunciation'),
  inArray(cases.status, ['resolved', 'closed']),
);

/** One page of moderation's list: a row per case, as the queue and the decisions show it. */
function moderationList(
  db: Executor,
  scope: CaseScope,
  page: { limit: number; offset: number; lang?: Lang },
  which: { where: SQL | undefined; orderBy: SQL[] },
) {
  return db
    .select({
      id: cases.id,
      trackingCode: cases.trackingCode,
      status: cases.status,
      categoryName: nameInLang(page.lang ?? 'vi', categories.name, categories.nameEn),
      unitName: nameInLangOrNull(page.lang ?? 'vi', unit.name, unit.nameEn),
      text: cases.text,
      updatedAt: cases.updatedAt,
      publicationState: cases.publicationState,
      ...contact,
    })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .leftJoin(unit, eq(unit.id, cases.unitId))
    .where(and(which.where, caseScopeCondition(scope)))
    .orderBy(...which.orderBy)
    .limit(page.limit)
    .offset(page.offset);
}

/**
 * The moderation queue in scope: answered cases whose citizen consented to publication and
 * that no official reviewed yet, oldest first (the partial index cases_publication_pending_idx).
 */
export function listModerationQueue(
  db: Executor,
  scope: CaseScope,
  page: { limit: number; offset: number; lang?: Lang },
) {
  return moderationList(db, scope, page, {
    where: and(eq(cases.publicationState, 'pending'), reviewable),
    orderBy: [asc(cases.updatedAt), asc(cases.id)],
  });
}

/** Recently decided cases in scope (approved or refused), newest decision first. */
export function listModerationDecisions(
  db: Executor,
  scope: CaseScope,
  page: { limit: number; offset: number; lang?: Lang },
) {
  return moderationList(db, scope, page, {
    where: ne(cases.publicationState, 'pending'),
    orderBy: [desc(cases.publicationDecidedAt), desc(cases.id)],
  });
}

/**
 * One case as moderation sees it, in scope: the original text and answer, what is known to be
 * personal (the citizen's contact, the names of officials who worked on it) to redact them,
 * and the current decision. Personal data: for the moderator's eyes, never returned as is.
 */
export async function findModerationCase(db: Executor, scope: CaseScope, caseId: string) {
  const [row] = await db
    .select({
      id: cases.id,
      trackingCode: cases.trackingCode,
      status: cases.status,
      caseType: cases.type,
      consentToPublish: cases.consentToPublish,
      version: cases.version,
      categoryName: categories.name,
      unitName: unit.name,
      text: cases.text,
      answer: latestAnswer,
      citizenName: cases.citizenName,
      citizenPhone: cases.citizenPhone,
      citizenEmail: cases.citizenEmail,
      address: cases.address,
      publicationState: cases.publicationState,
      publicText: cases.publicText,
      publicAnswer: cases.publicAnswer,
      publicationNote: cases.publicationNote,
      publicationDecidedAt: cases.publicationDecidedAt,
      decidedByName: sql<string | null>`(
        select o.full_name from ${officials} o where o.id = ${cases.publicationDecidedBy})`,
      // Everyone who acted on the case or holds it: their names are redacted from public texts.
      officialNames: sql<string[]>`array(
        select distinct o.full_name from ${officials} o
        where o.id = ${cases.assigneeId} or o.id in (
          select e.actor_official_id from ${caseEvents} e
          where e.case_id = ${cases.id} and e.actor_official_id is not null))`,
    })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .leftJoin(unit, eq(unit.id, cases.unitId))
    .where(and(eq(cases.id, caseId), caseScopeCondition(scope)));
  return row ?? null;
}
export type ModerationCaseRow = NonNullable<Awaited<ReturnType<typeof findModerationCase>>>;

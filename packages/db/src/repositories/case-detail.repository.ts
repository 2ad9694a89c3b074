import { and, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { normalizeTrackingCode, type CaseEvent, type RecordedEvent } from '@hotline/domain';
import type { Executor } from '../client.js';
import { adminUnits, categories, cases, officials } from '../schema/index.js';
import { actorOf } from './case-history.repository.js';
import { caseScopeCondition, type CaseScope } from './case-scope.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unit = alias(adminUnits, 'detail_unit');
const commune = alias(adminUnits, 'detail_commune');
const assignee = alias(officials, 'detail_assignee');

/** An event row as the case page reads it, inside the page's one statement. */
interface PageEventRow {
  version: number;
  type: string;
  payload: Record<string, unknown>;
  actorKind: 'citizen' | 'system' | 'official';
  actorOfficialId: string | null;
  actorProcess: string | null;
  at: string;
}

const isoOf = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * A case page in one statement: the case (only when in scope, by id or tracking code), its
 * references, its whole history, its attachments, the names its history mentions, its unit's
 * calendar and the calendar revision. On this machine every round trip to Postgres costs
 * ~0.2 ms of CPU on each side (socket writes showed as the API's top cost in a profile); the
 * page used to take 15 of them, so it is one (bench:officials: case detail).
 */
export async function loadCasePage(db: Executor, scope: CaseScope, trackingCodeOrId: string) {
  const key = trackingCodeOrId.trim();
  const match = UUID.test(key)
    ? eq(cases.id, key)
    : eq(cases.trackingCode, normalizeTrackingCode(key));
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
      events: sql<PageEventRow[]>`(select coalesce(json_agg(json_build_object(
          'version', e.version, 'type', e.type, 'payload', e.payload, 'actorKind', e.actor_kind,
          'actorOfficialId', e.actor_official_id, 'actorProcess', e.actor_process,
          'at', ${isoOf(sql`e.occurred_at`)}) order by e.version), '[]'::json)
        from case_events e where e.case_id = ${cases.id})`,
      officialNames: sql<
        Record<string, string>
      >`(select coalesce(json_object_agg(o.id, o.full_name), '{}'::json)
        from officials o where o.id in (select e.actor_official_id from case_events e
          where e.case_id = ${cases.id} and e.actor_official_id is not null))`,
      unitNames: sql<
        Record<string, string>
      >`(select coalesce(json_object_agg(u.id, u.name), '{}'::json)
        from admin_units u where u.id in (select coalesce(e.payload->>'toUnitId', e.payload->>'unitId')::uuid
          from case_events e where e.case_id = ${cases.id} and e.type in ('routed', 'transferred')))`,
      attachments: sql<
        {
          id: string;
          source: string;
          fileName: string;
          contentType: string;
          sizeBytes: number;
          createdAt: string;
        }[]
      >`(select coalesce(json_agg(json_build_object('id', a.id, 'source', a.source,
          'fileName', a.file_name, 'contentType', a.content_type, 'sizeBytes', a.size_bytes,
          'createdAt', ${isoOf(sql`a.created_at`)}) order by a.created_at, a.id), '[]'::json)
        from attachments a where a.case_id = ${cases.id})`,
      mergedIntoCode: sql<string | null>`(select m.tracking_code from cases m
        where m.id = (select (e.payload->>'intoCaseId')::uuid from case_events e
          where e.case_id = ${cases.id} and e.type = 'merged' order by e.version desc limit 1))`,
      calendarId: sql<string | null>`(with recursive up as (
          select id, parent_id, calendar_id, 0 as depth from admin_units where id = ${cases.unitId}
          union all
          select u.id, u.parent_id, u.calendar_id, up.depth + 1
          from admin_units u join up on u.id = up.parent_id
          where up.calendar_id is null and up.depth < 32)
        select calendar_id from up where calendar_id is not null limit 1)`,
      calendarRevision: sql<number>`coalesce((select revision from calendar_revision), 0)`,
    })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .leftJoin(unit, eq(unit.id, cases.unitId))
    .leftJoin(commune, eq(commune.id, cases.communeUnitId))
    .leftJoin(assignee, eq(assignee.id, cases.assigneeId))
    .where(and(match, caseScopeCondition(scope)))
    .limit(1);
  if (!row) return null;
  const { events, ...rest } = row;
  const history: RecordedEvent[] = events.map((e) => ({
    version: e.version,
    at: new Date(e.at),
    actor: actorOf(e),
    event: { type: e.type, ...e.payload } as CaseEvent,
  }));
  return { ...rest, history };
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

/** How many recent cases of the same category are compared for a similar text. */
const SIMILAR_CANDIDATES = 100;
/** pg_trgm's own default threshold for `%`. */
const SIMILARITY_THRESHOLD = 0.3;

/**
 * Cases related to one: the same phone (any time), the same commune or a similar text (both
 * within `since`), in the official's scope, most similar first (similarity 0: not compared). Three bounded lookups, each on
 * its own index, joined afterwards. A similar text is looked for among the latest cases of the
 * same category only: duplicates of a complaint come close in time and in subject, and the
 * trigram index's `%` over a province's history took 2.9 s per page at a million cases
 * (bench:officials), where comparing 100 recent texts takes 2 ms.
 */
export async function findRelatedCases(
  db: Executor,
  scope: CaseScope,
  of: {
    caseId: string;
    phone: string | null;
    communeUnitId: string | null;
    categoryId: string;
    text: string;
    since: Date;
    limit: number;
  },
) {
  const since = of.since.toISOString();
  const inScope = caseScopeCondition(scope);
  const branch = (condition: SQL, limit: number) => sql`(
    select ${cases.id} as id, ${cases.textFolded} as folded from ${cases}
    where ${condition} and ${cases.id} <> ${of.caseId} and ${inScope}
    order by ${cases.receivedAt} desc limit ${limit})`;
  const folded = sql`hotline_fold(${of.text})`;
  // Similarity is computed once per candidate (it costs ~25 µs: both texts are cut into
  // trigrams); cases found only by phone or commune were not compared and count as 0.
  const similar = sql`(select scored.id, scored.similarity from (
      select recent.id, similarity(recent.folded, ${folded}) as similarity from ${branch(
        sql`${cases.categoryId} = ${of.categoryId} and ${cases.receivedAt} >= ${since}::timestamptz`,
        SIMILAR_CANDIDATES,
      )} recent) scored
    where scored.similarity >= ${SIMILARITY_THRESHOLD})`;
  const ids = (b: SQL) => sql`(select id, 0::real as similarity from ${b} b)`;
  const branches = [
    of.phone ? ids(branch(sql`${cases.citizenPhone} = ${of.phone}`, of.limit * 4)) : null,
    of.communeUnitId
      ? ids(
          branch(
            sql`${cases.communeUnitId} = ${of.communeUnitId} and ${cases.receivedAt} >= ${since}::timestamptz`,
            of.limit * 4,
          ),
        )
      : null,
    similar,
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
    with found as (${sql.join(branches, sql` union all `)}),
    candidates as (select id, max(similarity) as similarity from found group by id)
    select c.id, c.tracking_code, c.status, c.received_at,
      coalesce(c.citizen_phone = ${of.phone}, false) as is_same_phone,
      coalesce(c.commune_unit_id = ${of.communeUnitId}::uuid and c.received_at >= ${since}::timestamptz, false)
        as is_same_commune,
      candidates.similarity::float8 as similarity
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

import { and, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  normalizeTrackingCode,
  type CaseEvent,
  type Lang,
  type RecordedEvent,
} from '@hotline/domain';
import type { Executor } from '../client.js';
import { adminUnits, categories, cases, officials } from '../schema/index.js';
import { actorOf } from './case-history.repository.js';
import { compiledStatement, oncePerHandle } from '../prepared.js';
import {
  caseScopePlaceholders,
  scopePlaceholderValues,
  type CaseScope,
} from './case-scope.repository.js';
import { nameInLang, nameInLangOrNull } from './name-in-lang.js';
import { slaPoliciesJson } from './sla-policies.repository.js';
import { recordContactView, relatedCasesOfPage, type RelatedCaseRow } from './case-page-parts.js';

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
 * calendar and the calendar revision, the SLA policies, whether its similar texts have been
 * looked for, its related cases in scope (case-page-parts.ts), and the record that the viewer
 * was shown the citizen's contact. On this machine every round trip to Postgres costs
 * ~0.2 ms of CPU on each side (socket writes showed as the API's top cost in a profile); the
 * page used to take 15 of them, so it is one (bench:officials: case detail).
 */
export async function loadCasePage(
  db: Executor,
  scope: CaseScope,
  trackingCodeOrId: string,
  viewer: {
    officialId: string;
    /** May see who sent an anonymous case (else its contact is neither shown nor recorded). */
    seesAnonymous: boolean;
    /** Related by commune since then. */
    relatedSince: Date;
    /** The language of the category's, units' and commune's names (Vietnamese unless asked). */
    lang?: Lang;
  },
) {
  const lang = viewer.lang ?? 'vi';
  const key = trackingCodeOrId.trim();
  const byId = UUID.test(key);
  const statement = oncePerHandle(db, `case-page:${byId}:${scope.kind}:${lang}`, () =>
    casePageStatement(db, byId, scope.kind, lang),
  );
  const [row] = await statement.execute({
    key: byId ? key : normalizeTrackingCode(key),
    viewerId: viewer.officialId,
    seesAnonymous: viewer.seesAnonymous,
    since: viewer.relatedSince.toISOString(),
    ...scopePlaceholderValues(scope),
  });
  if (!row) return null;
  const { events, related, ...rest } = row;
  const history: RecordedEvent[] = events.map((e) => ({
    version: e.version,
    at: new Date(e.at),
    actor: actorOf(e),
    event: { type: e.type, ...e.payload } as CaseEvent,
  }));
  return { ...rest, history, related: related.map(relatedCaseOf) };
}

/** loadCasePage's statement, by id or by tracking code (`key`), for a kind of scope. */
function casePageStatement(db: Executor, byId: boolean, scopeKind: CaseScope['kind'], lang: Lang) {
  const match = byId
    ? eq(cases.id, sql.placeholder('key'))
    : eq(cases.trackingCode, sql.placeholder('key'));
  return db
    .select({
      case: cases,
      categoryCode: categories.code,
      categoryName: nameInLang(lang, categories.name, categories.nameEn),
      unitCode: unit.code,
      unitName: nameInLangOrNull(lang, unit.name, unit.nameEn),
      unitNeedsApproval: unit.resolutionNeedsApproval,
      communeCode: commune.code,
      communeName: nameInLangOrNull(lang, commune.name, commune.nameEn),
      assigneeName: assignee.fullName,
      events: sql<PageEventRow[]>`(select coalesce(json_agg(json_build_object(
          'version', e.version, 'type', e.type, 'payload', e.payload, 'actorKind', e.actor_kind,
          'actorOfficialId', e.actor_official_id, 'actorProcess', e.actor_process,
          'at', ${isoOf(sql`e.occurred_at`)}) order by e.version), '[]'::json)
        from case_events e where e.case_id = ${cases.id})`,
      officialNames: sql<
        Record<string, string>
      >`(select coalesce(json_object_agg(o.id, o.full_name), '{}'::json)
        from (select distinct e.actor_official_id as id from case_events e
          where e.case_id = ${cases.id} and e.actor_official_id is not null) named
        join officials o on o.id = named.id)`,
      unitNames: sql<
        Record<string, string>
      >`(select coalesce(json_object_agg(u.id, ${nameInLang(lang, sql`u.name`, sql`u.name_en`)}), '{}'::json)
        from (select distinct coalesce(e.payload->>'toUnitId', e.payload->>'unitId')::uuid as id
          from case_events e where e.case_id = ${cases.id} and e.type in ('routed', 'transferred', 'unit_merged')) named
        join admin_units u on u.id = named.id)`,
      attachments: sql<
        {
          id: string;
          source: string;
          fileName: string;
          contentType: string;
          sizeBytes: number;
          externalUrl: string | null;
          createdAt: string;
        }[]
      >`(select coalesce(json_agg(json_build_object('id', a.id, 'source', a.source,
          'fileName', a.file_name, 'contentType', a.content_type, 'sizeBytes', a.size_bytes,
          'externalUrl', case when a.storage_key is null then a.external_url end,
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
      policies: slaPoliciesJson,
      textMatched: sql<boolean>`exists (select 1 from case_text_match_runs r where r.case_id = ${cases.id})`,
      related: relatedCasesOfPage(scopeKind),
      contactViewRecorded: recordContactView,
    })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .leftJoin(unit, eq(unit.id, cases.unitId))
    .leftJoin(commune, eq(commune.id, cases.communeUnitId))
    .leftJoin(assignee, eq(assignee.id, cases.assigneeId))
    .where(and(match, caseScopePlaceholders(scopeKind)))
    .limit(1)
    .prepare(`case_page_${lang}`);
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

const relatedCaseOf = (r: RelatedCaseRow) => ({ ...r, receivedAt: new Date(r.receivedAt) });

/** The related-cases part of the page statement, alone (see findRelatedCases). */
function relatedStatement(scopeKind: CaseScope['kind']) {
  return compiledStatement<{ related: RelatedCaseRow[] }>(
    () => sql`select ${relatedCasesOfPage(scopeKind)} as related from ${cases}
      where ${cases.id} = ${sql.placeholder('caseId')}::uuid`,
  );
}

const relatedStatements = { all: relatedStatement('all'), some: relatedStatement('some') };

/**
 * A case's related cases (relatedCasesOfPage), read again after its similar texts were
 * looked for on its first view: the page statement read them before they existed.
 */
export async function findRelatedCases(
  db: Executor,
  scope: CaseScope,
  of: { caseId: string; seesAnonymous: boolean; since: Date },
) {
  const [row] = await relatedStatements[scope.kind](db, {
    caseId: of.caseId,
    seesAnonymous: of.seesAnonymous,
    since: of.since.toISOString(),
    ...scopePlaceholderValues(scope),
  });
  return (row?.related ?? []).map(relatedCaseOf);
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

/**
 * Looks for the cases similar to each of these (once per case; a case looked at before is
 * skipped inside hotline_text_matches). Run after routing, so a new case's page, and the
 * pages of the older cases it resembles, read their matches instead of comparing texts. One
 * statement, so one transaction, per case: a transaction holding one case's pairs while
 * inserting another's deadlocked with a second worker doing the same the other way round.
 */
export async function findCaseTextMatches(db: Executor, caseIds: readonly string[]) {
  let matches = 0;
  for (const id of caseIds) {
    const [row] = await db.execute<{ matches: number }>(sql`
      select count(*)::int as matches from hotline_text_matches(${id}::uuid)`);
    matches += row?.matches ?? 0;
  }
  return matches;
}

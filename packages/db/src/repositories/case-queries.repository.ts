import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  normalizeTrackingCode,
  OPEN_STATUSES,
  type CaseStatus,
  type Lang,
  type Channel,
  type Priority,
  type SlaState,
} from '@hotline/domain';
import { plannedEachTime, type Executor } from '../client.js';
import { adminUnits, categories, cases, officials } from '../schema/index.js';
import { caseScopeCondition, type CaseScope } from './case-scope.repository.js';
import { nameInLang, nameInLangOrNull } from './name-in-lang.js';
import { overdueCase } from './overdue-sql.js';

/** The named queues of the officials' console. */
export type CaseQueueName = 'mine' | 'unit' | 'unassigned' | 'escalated' | 'all';

/** Who is asking: the queue's meaning depends on it ("mine", "my unit", "escalated to me"). */
export interface QueueViewer {
  officialId: string;
  unitId: string;
  isUnitLeader: boolean;
}

/** Filters over a queue; every one optional, all combined with `and`. */
export interface CaseQueueFilters {
  statuses?: readonly CaseStatus[];
  slaState?: SlaState;
  categoryCode?: string;
  channel?: Channel;
  /** Hotline numbers to match (E.164 or as displayed). */
  hotlineNumbers?: readonly string[];
  communeCode?: string;
  priority?: Priority;
  receivedFrom?: Date;
  receivedTo?: Date;
  /** An official's id, or 'none' for unassigned cases. */
  assignee?: string;
  /** Words that must all appear in the text, compared folded (no case, no diacritics). */
  words?: readonly string[];
  /** The words read as a tracking code (stored form): a case with that code matches too. */
  wordsAsTrackingCode?: string;
}

export type CaseQueueSort = 'deadline' | 'received';

/** Where the previous page stopped: the sort key (ISO text, full precision) and the case id. */
export interface CaseQueueAfter {
  key: string | null;
  id: string;
}

const unit = alias(adminUnits, 'queue_unit');
const assignee = alias(officials, 'queue_assignee');

const openStatuses = () =>
  sql.join(
    [...OPEN_STATUSES].map((s) => sql`${s}::case_status`),
    sql`, `,
  );

const likeEscape = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

function queueCondition(queue: CaseQueueName, who: QueueViewer): SQL {
  const isOpen = sql`${cases.status} in (${openStatuses()})`;
  switch (queue) {
    case 'mine':
      return and(eq(cases.assigneeId, who.officialId), isOpen)!;
    case 'unit':
      return and(eq(cases.unitId, who.unitId), isOpen)!;
    case 'unassigned':
      return and(eq(cases.unitId, who.unitId), isNull(cases.assigneeId), isOpen)!;
    case 'escalated': {
      // The escalation level only grows, so it rules out never-escalated cases cheaply.
      const latest = sql`(select e.payload from case_events e
        where e.case_id = ${cases.id} and e.type = 'escalated'
        order by e.version desc limit 1)`;
      const toMe = sql`${latest}->>'toOfficialId' = ${who.officialId}`;
      const target = who.isUnitLeader
        ? sql`(${toMe} or ${latest}->>'toUnitId' = ${who.unitId})`
        : toMe;
      return and(sql`${cases.escalationLevel} > 0`, isOpen, target)!;
    }
    case 'all':
      return sql`true`;
  }
}

/**
 * The SLA state a queue shows, counts and filters by at `now`: 'breached' is overdue (the one
 * definition, overdueCase), whatever the stored state says; an open case past an acceptance or
 * first-response deadline but not its resolution deadline is at risk; otherwise the stored state.
 */
export const queueSlaState = (now: Date) => sql<SlaState>`(case
  when ${overdueCase(cases, now)} then 'breached'
  when ${cases.status} in (${openStatuses()}) and ${cases.slaState} = 'breached' then 'at_risk'
  else ${cases.slaState}::text end)::sla_state`;

function filterConditions(f: CaseQueueFilters, now: Date): SQL[] {
  const out: SQL[] = [];
  if (f.statuses && f.statuses.length > 0) out.push(inArray(cases.status, [...f.statuses]));
  if (f.slaState) out.push(sql`${queueSlaState(now)} = ${f.slaState}::sla_state`);
  if (f.categoryCode) {
    out.push(
      sql`${cases.categoryId} in (select id from categories where code = ${f.categoryCode})`,
    );
  }
  if (f.channel) out.push(eq(cases.channel, f.channel));
  if (f.hotlineNumbers) {
    const numbers = [...f.hotlineNumbers];
    out.push(
      sql`${cases.hotlineId} in (select id from hotlines where number in (${sql.join(
        numbers.map((n) => sql`${n}`),
        sql`, `,
      )}) or display_number = ${numbers[0] ?? ''})`,
    );
  }
  if (f.communeCode) {
    out.push(
      sql`${cases.communeUnitId} in (select id from admin_units where code = ${f.communeCode})`,
    );
  }
  if (f.priority) out.push(eq(cases.priority, f.priority));
  if (f.receivedFrom) out.push(gte(cases.receivedAt, f.receivedFrom));
  if (f.receivedTo) out.push(lte(cases.receivedAt, f.receivedTo));
  if (f.assignee === 'none') out.push(isNull(cases.assigneeId));
  else if (f.assignee) out.push(eq(cases.assigneeId, f.assignee));
  // The stored folded text, indexed by the trigram index cases_text_search_idx.
  const words = (f.words ?? []).map(
    (word) => sql`${cases.textFolded} like '%' || hotline_fold(${likeEscape(word)}) || '%'`,
  );
  if (f.wordsAsTrackingCode && words.length > 0) {
    out.push(or(eq(cases.trackingCode, f.wordsAsTrackingCode), and(...words))!);
  } else {
    out.push(...words);
  }
  return out;
}

/**
 * Every condition of a queue query: the official's scope, then queue and filters. A unit's
 * queue inside the scope implies the scope, and leaving the scope's `or` out lets Postgres
 * answer from the open-cases index alone (at a million cases the `or` cost 150 ms per count).
 */
function whereOf(
  scope: CaseScope,
  queue: CaseQueueName,
  who: QueueViewer,
  f: CaseQueueFilters,
  now: Date,
) {
  const isImplied =
    (queue === 'unit' || queue === 'unassigned') &&
    (scope.kind === 'all' || scope.unitIds.includes(who.unitId));
  const scoped = isImplied ? [] : [caseScopeCondition(scope)];
  return and(...scoped, queueCondition(queue, who), ...filterConditions(f, now))!;
}

// Sort keys are read back as text so the cursor keeps Postgres's microseconds.
const dueKey = sql<string | null>`to_json(${cases.resolutionDueAt}) #>> '{}'`;
const receivedKey = sql<string>`to_json(${cases.receivedAt}) #>> '{}'`;

function afterCondition(sort: CaseQueueSort, after: CaseQueueAfter): SQL {
  if (sort === 'received') {
    return sql`(${cases.receivedAt}, ${cases.id}) < (${after.key}::timestamptz, ${after.id}::uuid)`;
  }
  // Deadline ascending, nulls last, then id.
  if (after.key === null) {
    return sql`(${cases.resolutionDueAt} is null and ${cases.id} > ${after.id}::uuid)`;
  }
  return sql`(${cases.resolutionDueAt} is null
    or (${cases.resolutionDueAt}, ${cases.id}) > (${after.key}::timestamptz, ${after.id}::uuid))`;
}

/**
 * A search is planned for its words each time (a common word is read in deadline order and
 * stopped, a rare one through the trigram index; a generic plan cannot tell them apart);
 * other queue queries are prepared once.
 */
const plannerFor = (db: Executor, filters: CaseQueueFilters) =>
  filters.words?.length ? plannedEachTime(db) : db;

/** One page of a queue in scope, in sort order; `limit` rows at most. */
export async function listCaseQueue(
  db: Executor,
  scope: CaseScope,
  query: {
    queue: CaseQueueName;
    viewer: QueueViewer;
    filters: CaseQueueFilters;
    sort: CaseQueueSort;
    after: CaseQueueAfter | null;
    limit: number;
    now: Date;
    /** The language of the category's and unit's names (Vietnamese unless asked). */
    lang?: Lang;
  },
) {
  const lang = query.lang ?? 'vi';
  const where = whereOf(scope, query.queue, query.viewer, query.filters, query.now);
  const exec = plannerFor(db, query.filters);
  const order =
    query.sort === 'received'
      ? [desc(cases.receivedAt), desc(cases.id)]
      : [sql`${cases.resolutionDueAt} asc nulls last`, asc(cases.id)];
  return exec
    .select({
      id: cases.id,
      trackingCode: cases.trackingCode,
      status: cases.status,
      slaState: queueSlaState(query.now),
      priority: cases.priority,
      channel: cases.channel,
      categoryCode: categories.code,
      categoryName: nameInLang(lang, categories.name, categories.nameEn),
      unitCode: unit.code,
      unitName: nameInLangOrNull(lang, unit.name, unit.nameEn),
      assigneeId: assignee.id,
      assigneeName: assignee.fullName,
      receivedAt: cases.receivedAt,
      acceptanceDueAt: cases.acceptanceDueAt,
      firstResponseDueAt: cases.firstResponseDueAt,
      resolutionDueAt: cases.resolutionDueAt,
      escalationLevel: cases.escalationLevel,
      transferCount: cases.transferCount,
      excerpt: sql<string>`left(${cases.text}, 200)`,
      sortKey: query.sort === 'received' ? receivedKey : dueKey,
    })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .leftJoin(unit, eq(unit.id, cases.unitId))
    .leftJoin(assignee, eq(assignee.id, cases.assigneeId))
    .where(query.after ? and(where, afterCondition(query.sort, query.after)) : where)
    .orderBy(...order)
    .limit(query.limit);
}

/**
 * How many cases a queue query matches, by status and by SLA state, in one grouped query,
 * counting at most `cap` of them: past it the total is only a lower bound (`isCapped`) and the
 * partial counts per status are left out rather than shown wrong. Exact counts of a search
 * matching 600,000 of a million cases took 2.5 s (bench:officials); a capped count stops early.
 */
export async function countCaseQueue(
  db: Executor,
  scope: CaseScope,
  query: {
    queue: CaseQueueName;
    viewer: QueueViewer;
    filters: CaseQueueFilters;
    cap: number;
    now: Date;
  },
) {
  const exec = plannerFor(db, query.filters);
  const matching = exec
    .select({ status: cases.status, slaState: queueSlaState(query.now).as('sla_state') })
    .from(cases)
    .where(whereOf(scope, query.queue, query.viewer, query.filters, query.now))
    .limit(query.cap + 1)
    .as('matching');
  const rows = await exec
    .select({
      status: matching.status,
      slaState: matching.slaState,
      byStatus: sql<number>`grouping(${matching.status})`,
      count: sql<number>`count(*)::int`,
    })
    .from(matching)
    .groupBy(sql`grouping sets ((${matching.status}), (${matching.slaState}))`);
  const byStatus: Partial<Record<CaseStatus, number>> = {};
  const bySlaState: Partial<Record<SlaState, number>> = {};
  let total = 0;
  for (const r of rows) {
    // grouping() is 0 for the column a row is grouped by.
    if (Number(r.byStatus) === 0) {
      byStatus[r.status] = r.count;
      total += r.count;
    } else {
      bySlaState[r.slaState] = r.count;
    }
  }
  if (total > query.cap) return { total: query.cap, isCapped: true, byStatus: {}, bySlaState: {} };
  return { total, isCapped: false, byStatus, bySlaState };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One case by id or tracking code (with or without its dash), only when it is in the scope:
 * null both when it does not exist and when it is out of scope, so callers answer 404 alike.
 */
export async function findCaseInScope(db: Executor, scope: CaseScope, trackingCodeOrId: string) {
  const key = trackingCodeOrId.trim();
  const match = UUID.test(key)
    ? eq(cases.id, key)
    : eq(cases.trackingCode, normalizeTrackingCode(key));
  const [row] = await db
    .select()
    .from(cases)
    .where(and(match, caseScopeCondition(scope)))
    .limit(1);
  return row ?? null;
}

import { sql } from 'drizzle-orm';
import type { Channel, ReportFact } from '@hotline/domain';
import type { Executor } from '../client.js';

export type { ReportFact } from '@hotline/domain';

/** What every fact of a case repeats: its receipt, channel and hotline (they never change). */
export interface ReportFactCase {
  caseId: string;
  receivedAt: Date;
  channel: Channel;
  hotlineId: string | null;
}

/** What a change does to one case's facts: rows to add, and what it changes in stored ones. */
export interface ReportFactsWrite {
  case: ReportFactCase;
  facts: readonly ReportFact[];
  /** The case's stored open span ended then. */
  closesOpenSpanAt: Date | null;
  /** The case's stored latest rating was replaced then. */
  supersedesRatingAt: Date | null;
  /** The case's stored resolutions were reopened. */
  reopensResolutions: boolean;
}

/** A fact's own columns, as the JSON its inserts read (what the case repeats is added by each). */
export const factColumns = (f: Omit<ReportFact, 'categoryId'>) => ({
  kind: f.kind,
  seq: f.seq,
  at: f.at,
  until: f.until,
  working_ms: f.workingMs,
  is_on_time: f.isOnTime,
  rating: f.rating,
  was_reopened: f.wasReopened,
  due_at: f.dueAt,
  unit_id: f.unitId,
  assignee_id: f.assigneeId,
});

/** The facts of some cases as one JSON parameter. */
const recordset = (rows: readonly { case: ReportFactCase; facts: readonly ReportFact[] }[]) =>
  JSON.stringify(
    rows.flatMap(({ case: c, facts }) =>
      facts.map((f) => ({
        case_id: c.caseId,
        ...factColumns(f),
        received_at: c.receivedAt,
        category_id: f.categoryId,
        channel: c.channel,
        hotline_id: c.hotlineId,
      })),
    ),
  );

const insertFrom = (json: string) => sql`
  insert into case_report_facts (case_id, kind, seq, at, until, working_ms, is_on_time, rating,
    was_reopened, due_at, received_at, unit_id, assignee_id, category_id, channel, hotline_id)
  select case_id, kind, seq, at, until, working_ms, is_on_time, rating, was_reopened, due_at,
    received_at, unit_id, assignee_id, category_id, channel, hotline_id
  from jsonb_to_recordset(${json}::jsonb) as v(case_id uuid, kind text, seq integer,
    at timestamptz, until timestamptz, working_ms bigint, is_on_time boolean, rating smallint,
    was_reopened boolean, due_at timestamptz, received_at timestamptz, unit_id uuid, assignee_id uuid,
    category_id uuid, channel channel, hotline_id uuid)`;

/**
 * Applies the facts of a batch of changes in ONE statement whatever the number of cases (rows
 * travel as JSON, as in appendCaseChanges): new rows, stored open spans that ended (and
 * ratings replaced), stored resolutions that were reopened. The updates touch only rows
 * stored before the statement.
 */
export async function writeReportFacts(
  tx: Executor,
  writes: readonly ReportFactsWrite[],
): Promise<void> {
  // Stored rows that end: the open span, the latest rating.
  const closes = writes.flatMap((w) => [
    ...(w.closesOpenSpanAt
      ? [{ case_id: w.case.caseId, kind: 'open', until: w.closesOpenSpanAt }]
      : []),
    ...(w.supersedesRatingAt
      ? [{ case_id: w.case.caseId, kind: 'rated', until: w.supersedesRatingAt }]
      : []),
  ]);
  const reopens = writes.filter((w) => w.reopensResolutions).map((w) => w.case.caseId);
  if (writes.every((w) => w.facts.length === 0) && closes.length === 0 && reopens.length === 0)
    return;
  await tx.execute(sql`
    with closed as (
      update case_report_facts f set until = c.until
      from jsonb_to_recordset(${JSON.stringify(closes)}::jsonb)
        as c(case_id uuid, kind text, until timestamptz)
      where f.case_id = c.case_id and f.kind = c.kind and f.until is null
    ),
    reopened as (
      update case_report_facts f set was_reopened = true
      where f.case_id = any(${`{${reopens.join(',')}}`}::uuid[]) and f.kind = 'resolved'
        and not f.was_reopened
    )
    ${insertFrom(recordset(writes))}`);
}

/** Replaces every fact of some cases (a rebuild from their histories). */
export async function replaceReportFacts(
  tx: Executor,
  caseIds: readonly string[],
  rows: readonly { case: ReportFactCase; facts: readonly ReportFact[] }[],
): Promise<void> {
  if (caseIds.length === 0) return;
  await tx.execute(
    sql`delete from case_report_facts where case_id = any(${`{${caseIds.join(',')}}`}::uuid[])`,
  );
  if (rows.some((r) => r.facts.length > 0)) await tx.execute(insertFrom(recordset(rows)));
}

/**
 * Up to `limit` cases, after `after`, without the open span every case gets at receipt (seq 1):
 * cases written before facts existed, or changed before their facts were rebuilt.
 */
export async function findCasesWithoutReportFacts(
  db: Executor,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    select c.id from cases c
    where (${after}::uuid is null or c.id > ${after}::uuid)
      and not exists (select 1 from case_report_facts f
        where f.case_id = c.id and f.kind = 'open' and f.seq = 1)
    order by c.id
    limit ${limit}`);
  return rows.map((r) => r.id);
}

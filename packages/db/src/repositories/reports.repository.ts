import { sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES, type Lang } from '@hotline/domain';
import { plannedEachTime, type Executor } from '../client.js';
import { caseScopeCondition, type CaseScope } from './case-scope.repository.js';
import { overdueCaseC } from './overdue-sql.js';
import { drillsLeftOut } from './drill-filter.js';
import { nameInLang } from './name-in-lang.js';

// Queries for oversight lists and reports. Every one takes the official's scope and applies
// it in SQL; none selects a citizen's personal data. Instants are sent as ISO strings (see the
// drizzle pitfall in STYLE.md).

const openStatuses = () =>
  sql.join(
    [...OPEN_STATUSES].map((s) => sql`${s}::case_status`),
    sql`, `,
  );
const isOpen = () => sql`c.status in (${openStatuses()})`;

/** A case as the reports group it: no personal data. */
export type ReportCaseRow = {
  id: string;
  unit_id: string | null;
  unit_name: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  channel: string;
  category_id: string;
  category_name: string;
  received_at: string;
};

/**
 * Cases of the scope that can count in a period: received before its end, and received in it,
 * still open, or changed since its start (a case open at the end of the period was either
 * still open now or changed after it).
 */
export async function findReportCases(
  db: Executor,
  scope: CaseScope,
  from: Date,
  to: Date,
): Promise<ReportCaseRow[]> {
  const fromIso = from.toISOString();
  const toIso = to.toISOString();
  const rows = await plannedEachTime(db).execute<ReportCaseRow>(sql`
    select c.id, c.unit_id, u.name as unit_name, c.assignee_id, o.full_name as assignee_name,
      c.channel::text as channel, c.category_id, cat.name as category_name,
      to_char(c.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as received_at
    from cases c
    left join admin_units u on u.id = c.unit_id
    left join officials o on o.id = c.assignee_id
    join categories cat on cat.id = c.category_id
    where ${scopeOn(scope)}
      and c.received_at < ${toIso}::timestamptz
      and (c.received_at >= ${fromIso}::timestamptz or ${isOpen()}
        or exists (select 1 from case_events e
          where e.case_id = c.id and e.occurred_at >= ${fromIso}::timestamptz))`);
  return [...rows];
}

/** The scope condition written for the alias `c` used by these queries; drills left out. */
function scopeOn(scope: CaseScope): SQL {
  return sql`c.id in (select cases.id from cases where ${caseScopeCondition(scope)})
    and ${drillsLeftOut(scope, 'c')}`;
}

/** One row of an oversight list (no personal data). */
export type OversightRow = {
  id: string;
  tracking_code: string;
  status: string;
  sla_state: string;
  unit_id: string | null;
  unit_name: string | null;
  assignee_name: string | null;
  category_name: string;
  channel: string;
  received_at: string;
  resolution_due_at: string | null;
  escalation_level: number;
  transfer_count: number;
  /** Latest escalation (escalations list). */
  escalated_at: string | null;
  escalation_payload: {
    level?: number;
    toOfficialId?: string | null;
    toUnitId?: string | null;
    reason?: string;
  } | null;
  escalated_to_official_name: string | null;
  escalated_to_unit_name: string | null;
  /** Units held, in order (transferred list). */
  unit_path: string[] | null;
};

export type OversightList = 'overdue' | 'at_risk' | 'escalations' | 'transferred';

const iso = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function listCondition(list: OversightList, nowIso: string): SQL {
  switch (list) {
    case 'overdue':
      return overdueCaseC(new Date(nowIso));
    case 'at_risk':
      return sql`${isOpen()} and c.sla_state = 'at_risk'`;
    case 'escalations':
      return sql`${isOpen()} and c.escalation_level > 0`;
    case 'transferred':
      return sql`c.transfer_count > 1`;
  }
}

function listOrder(list: OversightList): SQL {
  switch (list) {
    case 'overdue':
    case 'at_risk':
      return sql`c.resolution_due_at asc nulls last, c.id`;
    case 'escalations':
      return sql`c.escalation_level desc, esc.occurred_at asc nulls last, c.id`;
    case 'transferred':
      return sql`c.transfer_count desc, c.received_at asc, c.id`;
  }
}

/** A page of an oversight list across a scope, and the list's total. */
export async function listOversightCases(
  db: Executor,
  scope: CaseScope,
  list: OversightList,
  page: { now: Date; limit: number; offset: number; lang?: Lang },
): Promise<{ rows: OversightRow[]; total: number }> {
  const lang = page.lang ?? 'vi';
  const name = (alias: string) =>
    nameInLang(lang, sql.raw(`${alias}.name`), sql.raw(`${alias}.name_en`));
  const where = sql`${scopeOn(scope)} and ${listCondition(list, page.now.toISOString())}`;
  const [count] = await plannedEachTime(db).execute<{ n: number }>(
    sql`select count(*)::int as n from cases c where ${where}`,
  );
  const rows = await plannedEachTime(db).execute<OversightRow>(sql`
    select c.id, c.tracking_code, c.status::text as status, c.sla_state::text as sla_state,
      c.unit_id, ${name('u')} as unit_name, o.full_name as assignee_name,
      ${name('cat')} as category_name,
      c.channel::text as channel, ${iso(sql`c.received_at`)} as received_at,
      ${iso(sql`c.resolution_due_at`)} as resolution_due_at,
      c.escalation_level::int as escalation_level, c.transfer_count::int as transfer_count,
      ${iso(sql`esc.occurred_at`)} as escalated_at, esc.payload as escalation_payload,
      eo.full_name as escalated_to_official_name, ${name('eu')} as escalated_to_unit_name,
      (select array_agg(${name('pu')} order by e.version) from case_events e
         join admin_units pu on pu.id = coalesce(e.payload->>'toUnitId', e.payload->>'unitId')::uuid
         where e.case_id = c.id and e.type in ('routed', 'transferred')) as unit_path
    from cases c
    left join admin_units u on u.id = c.unit_id
    left join officials o on o.id = c.assignee_id
    join categories cat on cat.id = c.category_id
    left join lateral (select e.occurred_at, e.payload from case_events e
      where e.case_id = c.id and e.type = 'escalated' order by e.version desc limit 1) esc on true
    left join officials eo on eo.id = (esc.payload->>'toOfficialId')::uuid
    left join admin_units eu on eu.id = (esc.payload->>'toUnitId')::uuid
    where ${where}
    order by ${listOrder(list)}
    limit ${page.limit} offset ${page.offset}`);
  return { rows: [...rows], total: count?.n ?? 0 };
}

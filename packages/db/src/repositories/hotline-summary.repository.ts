import { sql, type SQL } from 'drizzle-orm';
import type { Lang } from '@hotline/domain';
import { plannedEachTime, type Executor } from '../client.js';
import { nameInLang } from './name-in-lang.js';
import type { CaseScope } from './case-scope.repository.js';
import { caseInScope, openStatusList, uuidArray } from './oversight-chart-scope.js';
import { overdueCaseC } from './overdue-sql.js';

/** A hotline and its cases (a leader's view of everything sent to his number). */
export type HotlineSummaryRow = {
  id: string;
  number: string;
  display_number: string;
  name: string;
  owner_name: string;
  unit_name: string;
  is_active: boolean;
  is_mine: boolean;
  received: number;
  resolved: number;
  open: number;
  overdue: number;
  at_risk: number;
  escalated: number;
};

/** The hotlines a scope watches: all, or its own and those of its units. */
function visibleHotline(scope: CaseScope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const parts: SQL[] = [];
  if (scope.hotlineIds.length > 0) parts.push(sql`h.id = any(${uuidArray(scope.hotlineIds)})`);
  if (scope.unitIds.length > 0) parts.push(sql`h.unit_id = any(${uuidArray(scope.unitIds)})`);
  return parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * Each hotline of the scope with counts of its cases (those the scope sees): received and
 * resolved in [from, to), open, overdue, at risk and escalated at `now`. The official's own
 * hotlines first.
 */
export async function listHotlineSummaries(
  db: Executor,
  scope: CaseScope,
  officialId: string,
  period: { from: Date; to: Date; now: Date; lang?: Lang },
): Promise<HotlineSummaryRow[]> {
  const lang = period.lang ?? 'vi';
  const from = period.from.toISOString();
  const to = period.to.toISOString();
  const isOpen = sql`c.status in (${openStatusList()})`;
  const rows = await plannedEachTime(db).execute<HotlineSummaryRow>(sql`
    select h.id, h.number, h.display_number,
      ${nameInLang(lang, sql`h.name`, sql`h.name_en`)} as name, o.full_name as owner_name,
      ${nameInLang(lang, sql`u.name`, sql`u.name_en`)} as unit_name, h.is_active, h.owner_official_id = ${officialId}::uuid as is_mine,
      count(c.id) filter (where c.received_at >= ${from}::timestamptz
        and c.received_at < ${to}::timestamptz)::int as received,
      count(c.id) filter (where exists (select 1 from case_events e where e.case_id = c.id
        and e.type = 'resolved' and e.occurred_at >= ${from}::timestamptz
        and e.occurred_at < ${to}::timestamptz))::int as resolved,
      count(c.id) filter (where ${isOpen})::int as open,
      count(c.id) filter (where ${overdueCaseC(period.now)})::int as overdue,
      count(c.id) filter (where ${isOpen} and c.sla_state = 'at_risk')::int as at_risk,
      count(c.id) filter (where ${isOpen} and c.escalation_level > 0)::int as escalated
    from hotlines h
    join officials o on o.id = h.owner_official_id
    join admin_units u on u.id = h.unit_id
    left join cases c on c.hotline_id = h.id and ${caseInScope(sql`c.id`, scope)}
    where ${visibleHotline(scope)} and ${scope.includeDrills ? sql`true` : sql`not h.is_drill`}
    group by h.id, o.full_name, u.id
    order by is_mine desc, h.is_active desc, name`);
  return [...rows];
}

import { sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '@hotline/domain';
import { caseScopeCondition, type CaseScope } from './case-scope.repository.js';
import { drillsLeftOut } from './drill-filter.js';

// Shared pieces of the dashboard charts' queries (backlog, rungs, transfers, hotlines).

/** `id in (cases of the scope)`, for any alias of a case id column; drills left out. */
export const caseInScope = (caseId: SQL, scope: CaseScope): SQL =>
  scope.kind === 'all' && scope.includeDrills
    ? sql`true`
    : sql`${caseId} in (select cases.id from cases
        where ${caseScopeCondition(scope)} and ${drillsLeftOut(scope, 'cases')})`;

/** The open statuses as a SQL list, for `status in (…)`. */
export const openStatusList = (): SQL =>
  sql.join(
    [...OPEN_STATUSES].map((s) => sql`${s}::case_status`),
    sql`, `,
  );

/** A Postgres array literal of instants, sent as one ISO-string parameter. */
export const instantArray = (instants: readonly Date[]): SQL =>
  sql`${`{${instants.map((d) => d.toISOString()).join(',')}}`}::timestamptz[]`;

/** A Postgres array literal of uuids (scope ids), sent as one parameter. */
export const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;

import { sql, type SQL } from 'drizzle-orm';
import { plannedEachTime, type Executor } from '../client.js';
import type { CaseScope } from './case-scope.repository.js';
import { drillsLeftOut } from './drill-filter.js';

// What the report queries share (not exported from the package).

/**
 * The scope's condition on facts (alias f): the same rule as caseScopeCondition on cases, and
 * drills left out unless the scope includes them.
 */
export function scopeOn(scope: CaseScope): SQL {
  return sql`(${unitsOn(scope)} and ${drillsLeftOut(scope, 'f')})`;
}

function unitsOn(scope: CaseScope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const parts: SQL[] = [];
  if (scope.unitIds.length > 0) {
    parts.push(sql`f.unit_id = any(${`{${scope.unitIds.join(',')}}`}::uuid[])`);
  }
  if (scope.hotlineIds.length > 0) {
    parts.push(sql`f.hotline_id = any(${`{${scope.hotlineIds.join(',')}}`}::uuid[])`);
  }
  return parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * Runs a report read in its own transaction without JIT (compiling cost more than running
 * these queries: measured) and with room to sort a quarter's working times in memory, planned
 * for its period each time (plannedEachTime).
 */
export async function read<T extends Record<string, unknown>>(
  db: Executor,
  query: SQL,
): Promise<T[]> {
  return plannedEachTime(db).transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`,
    );
    const rows = await tx.execute<T>(query);
    return rows.map((r) => r as T);
  });
}

export const inPeriod = (p: { from: Date; to: Date }) =>
  sql`f.at >= ${p.from.toISOString()}::timestamptz and f.at < ${p.to.toISOString()}::timestamptz`;

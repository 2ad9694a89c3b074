import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '@hotline/domain';

/**
 * "Overdue" (quá hạn), the one condition every count of overdue cases uses (queues, the
 * dashboard's lists and cards, the hotline summary): the case is open and the resolution
 * deadline in force passed before `at`. Report facts apply the same test to an open span's
 * deadline (countReportFacts), so the reports' "open overdue" now equals these counts.
 */
export function overdueCase(
  c: { status: AnyColumn | SQL; resolutionDueAt: AnyColumn | SQL },
  at: Date,
): SQL {
  const open = sql.join(
    [...OPEN_STATUSES].map((s) => sql`${s}::case_status`),
    sql`, `,
  );
  return sql`(${c.status} in (${open}) and ${c.resolutionDueAt} < ${at.toISOString()}::timestamptz)`;
}

/** The same for raw queries over `cases` under the alias `c`. */
export const overdueCaseC = (at: Date) =>
  overdueCase({ status: sql`c.status`, resolutionDueAt: sql`c.resolution_due_at` }, at);

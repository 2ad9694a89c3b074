import {
  countReportFacts,
  nameReportKeys,
  noFactCounts,
  timeReportFacts,
  type Database,
  type FactCounts,
  type ReportKey,
} from '@hotline/db';
import { onTimeOf, rankByOnTime, type Lang } from '@hotline/domain';
import { requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { reportScopeOf, type DrillOption } from './report-scope.js';
import { addCounts, figuresOf, type Figures } from './figures.js';
import { parsePeriod } from './period.js';

export type ReportGrouping = ReportKey;

/** One row of a report: what it is about, and its figures. */
export interface ReportRow extends Figures {
  /** Unit, official or category id, or the channel; null: no unit (not yet routed). */
  key: string | null;
  name: string | null;
  /** Place in the on-time ranking (onTimeOf, rankByOnTime); null: nothing to judge. */
  onTimeRank: number | null;
}

export interface Report {
  from: string;
  to: string;
  by: ReportGrouping;
  rows: ReportRow[];
  total: Figures;
}

/**
 * Figures for a period over the official's scope, per unit, official (the case's assignee),
 * channel or category: each fact credited to the unit / assignee holding the case when it
 * happened, ranked by on-time rate (equal ranks in name order). Cases without an
 * assignee are left out of the per-official report (they are in the total). A row is a group
 * with something in the period: a receipt, resolution, first response or rating, or a case
 * open at its end. Aggregated in SQL from the report facts written with the events; the
 * three reads run side by side (one connection of the pool each).
 */
export async function reportFigures(
  deps: { db: Database },
  who: ActingOfficial,
  query: { from: string; to: string; by: ReportGrouping; lang?: Lang } & DrillOption,
  now: Date,
  timeZone: string,
): Promise<Report> {
  requireAccess(who, 'reports.read');
  const period = parsePeriod(query.from, query.to, timeZone);
  const scope = await reportScopeOf(deps.db, who, query);
  const facts = { ...period, end: period.to < now ? period.to : now };
  const [counted, firstResponse, resolution] = await Promise.all([
    countReportFacts(deps.db, scope, facts, query.by),
    timeReportFacts(deps.db, scope, facts, query.by, 'first_response'),
    timeReportFacts(deps.db, scope, facts, query.by, 'resolved'),
  ]);
  const byKey = new Map(counted.map((c) => [c.key, c]));
  const countsOf = (key: string | null): FactCounts => {
    const found = byKey.get(key) ?? noFactCounts(key);
    byKey.set(key, found);
    return found;
  };
  for (const [key, t] of resolution.groups) {
    Object.assign(countsOf(key), {
      resolved: t.count,
      resolvedOnTime: t.onTime,
      resolvedWithoutDeadline: t.withoutDeadline,
      reopened: t.reopened,
    });
  }
  for (const [key, t] of firstResponse.groups) countsOf(key).firstResponses = t.count;
  const counts = [...byKey.values()];
  const groups = counts.filter((c) => c.key !== null || query.by !== 'official');
  const names = await nameReportKeys(
    deps.db,
    query.by,
    groups.flatMap((g) => (g.key === null ? [] : [g.key])),
    query.lang,
  );
  const named = groups
    .map((g) => ({
      counts: g,
      key: g.key,
      name: g.key === null ? null : (names.get(g.key) ?? null),
    }))
    .sort(
      (a, b) =>
        (a.name ?? '').localeCompare(b.name ?? '', 'vi') ||
        (a.key ?? '').localeCompare(b.key ?? ''),
    );
  // Rows stay in name order; each carries its place in the ranking.
  const ranks = new Map(rankByOnTime(named, (r) => onTimeOf(r.counts)).map((r) => [r.key, r.rank]));
  const rows = named.map(({ counts: g, ...r }): ReportRow => ({
    ...r,
    ...figuresOf(g, firstResponse.groups.get(g.key), resolution.groups.get(g.key)),
    onTimeRank: ranks.get(g.key) ?? null,
  }));
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    by: query.by,
    rows,
    total: figuresOf(addCounts(counts), firstResponse.total, resolution.total),
  };
}

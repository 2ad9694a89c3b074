import type { Database } from '@hotline/db';
import { requireScope, scopeOfOfficial, type ActingOfficial } from '../auth/acting-official.js';
import { loadCaseFacts, type CaseFacts } from './case-facts.js';
import { figuresOf, type Figures } from './figures.js';
import { parsePeriod } from './period.js';

export type ReportGrouping = 'unit' | 'official' | 'channel' | 'category';

/** One row of a report: what it is about, and its figures. */
export interface ReportRow extends Figures {
  /** Unit, official or category id, or the channel; null: no unit (not yet routed). */
  key: string | null;
  name: string | null;
}

export interface Report {
  from: string;
  to: string;
  by: ReportGrouping;
  rows: ReportRow[];
  total: Figures;
}

function keyOf(f: CaseFacts, by: ReportGrouping): [string | null, string | null] {
  switch (by) {
    case 'unit':
      return [f.row.unit_id, f.row.unit_name];
    case 'official':
      return [f.row.assignee_id, f.row.assignee_name];
    case 'channel':
      return [f.row.channel, f.row.channel];
    case 'category':
      return [f.row.category_id, f.row.category_name];
  }
}

/**
 * Figures for a period over the official's scope, per unit, official (the case's assignee),
 * channel or category: cases grouped by their current unit / assignee. Cases without an
 * assignee are left out of the per-official report (they are in the total).
 */
export async function reportFigures(
  deps: { db: Database },
  who: ActingOfficial,
  query: { from: string; to: string; by: ReportGrouping },
  now: Date,
  timeZone: string,
): Promise<Report> {
  requireScope(who, 'reports:read');
  const period = parsePeriod(query.from, query.to, timeZone);
  const scope = await scopeOfOfficial(deps.db, who);
  const facts = await loadCaseFacts(deps.db, scope, period, now);
  const end = period.to < now ? period.to : now;
  const groups = new Map<string | null, { name: string | null; facts: CaseFacts[] }>();
  for (const f of facts) {
    const [key, name] = keyOf(f, query.by);
    if (key === null && query.by === 'official') continue;
    const group = groups.get(key) ?? { name, facts: [] };
    group.facts.push(f);
    groups.set(key, group);
  }
  const rows = [...groups.entries()]
    .map(([key, g]) => ({ key, name: g.name, ...figuresOf(g.facts, end) }))
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'vi'));
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    by: query.by,
    rows,
    total: figuresOf(facts, end),
  };
}

import { pgTable, primaryKey, real, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';

/**
 * Pairs of cases whose texts are alike (pg_trgm similarity ≥ 0.5), stored both ways, so a case
 * page reads its similar cases by index instead of comparing texts on every view (comparing
 * 100 texts took most of the page's Postgres time at a million cases, bench:officials). Found
 * by `hotline_text_matches(case)` (migration 0017) once per case: when it is routed, or on the
 * first view of a case received before this table existed.
 */
export const caseTextMatches = pgTable(
  'case_text_matches',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    matchId: uuid('match_id')
      .notNull()
      .references(() => cases.id),
    similarity: real('similarity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.matchId] })],
);

/** Cases whose similar texts have been looked for (with or without a match). */
export const caseTextMatchRuns = pgTable('case_text_match_runs', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
});

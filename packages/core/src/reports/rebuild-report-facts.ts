import {
  findCasesWithoutReportFacts,
  loadCaseHistories,
  lockCases,
  replaceReportFacts,
  type Database,
  type ReportFactsWrite,
} from '@hotline/db';
import { measuredReportFactsOf, projectCase } from '@hotline/domain';
import { sharedReads, slaSourcesFor } from '../sla/sla-of.js';
import { reportFactCase } from './report-facts.js';

const CHUNK = 1000;

/**
 * Recomputes the report facts of some cases from their histories (delete and insert, so
 * running it again changes nothing), a chunk per transaction with the cases locked, so a
 * change made meanwhile is not lost. Deadlines come from today's policies and calendars.
 * Returns the number of facts written.
 */
export async function rebuildReportFacts(
  db: Database,
  caseIds: readonly string[],
  options: { chunk?: number } = {},
): Promise<number> {
  const chunkSize = options.chunk ?? CHUNK;
  let written = 0;
  for (let i = 0; i < caseIds.length; i += chunkSize) {
    const chunk = caseIds.slice(i, i + chunkSize);
    written += await db.transaction(async (tx) => {
      await lockCases(tx, chunk);
      const histories = await loadCaseHistories(tx, chunk);
      const sources = await slaSourcesFor(
        tx,
        sharedReads(),
        [...histories.values()].filter((h) => h.length > 0).map((history) => ({ history })),
      );
      const rows: Pick<ReportFactsWrite, 'case' | 'facts'>[] = [];
      let count = 0;
      for (const [caseId, history] of histories) {
        const state = projectCase(history.map((h) => h.event));
        if (!state) continue;
        const { facts } = measuredReportFactsOf(history, sources);
        rows.push({ case: reportFactCase(caseId, history, state), facts });
        count += facts.length;
      }
      await replaceReportFacts(tx, chunk, rows);
      return count;
    });
  }
  return written;
}

/**
 * Builds the facts of every case without its receipt's open span (cases written before facts
 * existed, or changed before the backfill ran); every built case has that span, so a second
 * run finds nothing to do.
 */
export async function rebuildMissingReportFacts(
  db: Database,
  onChunk: (cases: number, facts: number) => void = () => {},
): Promise<{ cases: number; facts: number }> {
  const done = { cases: 0, facts: 0 };
  let after: string | null = null;
  for (;;) {
    const ids = await findCasesWithoutReportFacts(db, after, CHUNK * 10);
    if (ids.length === 0) return done;
    const facts = await rebuildReportFacts(db, ids);
    done.cases += ids.length;
    done.facts += facts;
    onChunk(done.cases, done.facts);
    after = ids.at(-1)!;
  }
}

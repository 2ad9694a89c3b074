import type { ReportFactsWrite } from '@hotline/db';
import type { CaseState, RecordedEvent } from '@hotline/domain';
import { reportFactCase, reportFactsOf, type MeasureAt } from './report-facts.js';

/**
 * What the events a batch appended do to the cases' report facts: `histories` holds each
 * case's whole history, `changed` where the batch's events start, the case before them and
 * after them. Every change is looked at: an assignment, a transfer or a moved deadline ends
 * the open span of the holder before it.
 */
export async function reportFactsWrites(
  histories: ReadonlyMap<string, readonly RecordedEvent[]>,
  changed: ReadonlyMap<string, { index: number; state: CaseState; next: CaseState }>,
  measureOf: (history: readonly RecordedEvent[]) => MeasureAt,
): Promise<ReportFactsWrite[]> {
  const writes: ReportFactsWrite[] = [];
  for (const [caseId, { index, state, next }] of changed) {
    const history = histories.get(caseId) ?? [];
    const delta = await reportFactsOf(history, measureOf(history), { index, state });
    writes.push({ case: reportFactCase(caseId, history, next), ...delta });
  }
  return writes;
}

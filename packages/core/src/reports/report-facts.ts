import type { ReportFactCase } from '@hotline/db';
import {
  applyEvent,
  reportFactsOf as decideReportFacts,
  type CaseState,
  type FactMeasure,
  type RecordedEvent,
  type ReportFactsDelta,
  type SlaView,
  type WorkingCalendar,
} from '@hotline/domain';

/** What every fact of a case repeats (its receipt, channel and hotline never change). */
export function reportFactCase(
  caseId: string,
  history: readonly RecordedEvent[],
  state: CaseState,
): ReportFactCase {
  return {
    caseId,
    receivedAt: history[0]!.at,
    channel: state.channel,
    hotlineId: state.hotlineId,
  };
}

/** The SLA of the case just after the event at `index` (the deadline then in force). */
export type MeasureAt = (
  index: number,
  state: CaseState,
) => Promise<{ calendar: WorkingCalendar; sla: SlaView }>;

/**
 * The facts the events of `history` from `start.index` on add to a case, `start.state` being
 * the case before them (index 0 and null: the whole history), decided by the domain
 * (reportFactsOf): each credited to whoever held the case then. The SLA engine measures each
 * event (and the one before them: the deadline of the span still open): working time from
 * receipt in the unit's calendar with the time awaiting the citizen excluded, and the
 * resolution deadline in force (none at receipt, as on the case row).
 */
export async function reportFactsOf(
  history: readonly RecordedEvent[],
  measure: MeasureAt,
  start: { index: number; state: CaseState | null } = { index: 0, state: null },
): Promise<ReportFactsDelta> {
  const receivedAt = history[0]?.at;
  if (!receivedAt) throw new Error('a case history starts with its receipt');
  const first = Math.max(0, start.index - 1);
  let state: CaseState | null = null;
  for (let i = 0; i < first; i += 1) state = applyEvent(state, history[i]!.event);
  const measures = new Map<number, FactMeasure>();
  for (let index = first; index < history.length; index += 1) {
    state = applyEvent(state, history[index]!.event);
    const { calendar, sla } = await measure(index, state);
    measures.set(index, {
      // Intake writes the receipt's span in its one statement, before any deadline is
      // computed (the case row has none either until routing, which begins the next span).
      dueAt: index === 0 ? null : sla.clocks.resolution.dueAt,
      workingMs: calendar.workingDurationBetween(receivedAt, history[index]!.at, sla.pauses),
    });
  }
  return decideReportFacts(history, (index) => measures.get(index)!, start);
}

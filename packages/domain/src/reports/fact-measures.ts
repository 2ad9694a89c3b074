import type { WorkingCalendar } from '../calendar/calendar.types.js';
import type { RecordedEvent } from '../case/case-events.js';
import type { CaseState } from '../case/case-state.js';
import { applyEvent } from '../case/project.js';
import { computeSla } from '../sla/compute-sla.js';
import { selectPolicy, type SlaPolicy } from '../sla/sla-policy.js';
import { reportFactsOf, type FactMeasure, type ReportFactsDelta } from './report-facts.js';

/** What measuring a history needs, read beforehand: the SLA policies and the units' calendars. */
export interface SlaSources {
  policies: readonly SlaPolicy[];
  /** The working calendar of a unit (null: a case not yet given one). */
  calendarOf(unitId: string | null): WorkingCalendar;
}

/**
 * The measure behind the on-time rate, just after the event at `index` (`state`: the case
 * then): the resolution deadline in force — the one the SLA engine computes on the history up
 * to that event, with the policy and unit calendar of the case at that moment — and the
 * working time from receipt in that calendar, time awaiting the citizen excluded. The receipt
 * has no deadline in force (intake writes its span before any deadline is computed, and the
 * case row has none either until routing), so nothing resolved then could count as on time.
 */
export function factMeasureAt(
  history: readonly RecordedEvent[],
  index: number,
  state: CaseState,
  sources: SlaSources,
): FactMeasure {
  const receivedAt = history[0]!.at;
  const at = history[index]!.at;
  const calendar = sources.calendarOf(state.unitId);
  const policy = selectPolicy(sources.policies, state);
  const sla = computeSla(history.slice(0, index + 1), policy, calendar, at);
  return {
    dueAt: index === 0 ? null : sla.clocks.resolution.dueAt,
    workingMs: calendar.workingDurationBetween(receivedAt, at, sla.pauses),
  };
}

/**
 * The report facts the events of `history` from `start.index` on add to a case (reportFactsOf),
 * each measured by factMeasureAt: the on-time definition applied change by change or to a
 * whole history alike. Only the events from just before `start.index` are measured.
 */
export function measuredReportFactsOf(
  history: readonly RecordedEvent[],
  sources: SlaSources,
  start: { index: number; state: CaseState | null } = { index: 0, state: null },
): ReportFactsDelta {
  if (history.length === 0) throw new Error('a case history starts with its receipt');
  const states: CaseState[] = [];
  let state: CaseState | null = null;
  for (const { event } of history) states.push((state = applyEvent(state, event)));
  const measures = new Map<number, FactMeasure>();
  const measure = (index: number) => {
    let m = measures.get(index);
    if (!m) measures.set(index, (m = factMeasureAt(history, index, states[index]!, sources)));
    return m;
  };
  return reportFactsOf(history, measure, start);
}

/** The units whose calendars measuring `history` from `start` on needs (null: none yet). */
export function unitsMeasured(history: readonly RecordedEvent[], start = 0): (string | null)[] {
  const units = new Set<string | null>();
  let state: CaseState | null = null;
  for (let i = 0; i < history.length; i += 1) {
    state = applyEvent(state, history[i]!.event);
    if (i >= start - 1) units.add(state.unitId);
  }
  return [...units];
}

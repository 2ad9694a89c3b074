import type { ReportFact, ReportFactCase } from '@hotline/db';
import {
  applyEvent,
  isOpen,
  type CaseEventType,
  type CaseState,
  type RecordedEvent,
  type SlaView,
  type WorkingCalendar,
} from '@hotline/domain';

/** Whether a change moved what stored facts repeat of their case (unit, assignee, category). */
export const reportKeysMoved = ({ state, next }: { state: CaseState; next: CaseState }) =>
  state.unitId !== next.unitId ||
  state.assigneeId !== next.assigneeId ||
  state.categoryId !== next.categoryId;

/** What every fact of a case repeats, from the case now (its state after the history). */
export function reportFactCase(
  caseId: string,
  history: readonly RecordedEvent[],
  state: CaseState,
): ReportFactCase {
  return {
    caseId,
    receivedAt: history[0]!.at,
    unitId: state.unitId,
    assigneeId: state.assigneeId,
    categoryId: state.categoryId,
    channel: state.channel,
    hotlineId: state.hotlineId,
  };
}

/** What some events of a history add to a case's facts, and what they change in older ones. */
export interface ReportFactsDelta {
  /** New rows. */
  facts: ReportFact[];
  /** The span open before these events ended at this moment (null: it did not end). */
  closesOpenSpanAt: Date | null;
  /** The case's latest rating before these events was replaced at this moment. */
  supersedesRatingAt: Date | null;
  /** Resolutions recorded before these events were reopened. */
  reopensResolutions: boolean;
}

/** The SLA of the case just after the event at `index` (the deadline then in force). */
export type MeasureAt = (
  index: number,
  state: CaseState,
) => Promise<{ calendar: WorkingCalendar; sla: SlaView }>;

const FIRST_RESPONSE: ReadonlySet<CaseEventType> = new Set([
  'replied',
  'info_requested',
  'resolved',
]);

/**
 * Events that can add or change a fact: moments reports count, and every change that may
 * take a case into or out of the open statuses (report-facts.test.ts checks the second part
 * against the case machine). A batch without any of them writes no fact (routing stays cheap).
 */
export const FACT_EVENT_TYPES: ReadonlySet<CaseEventType> = new Set<CaseEventType>([
  ...FIRST_RESPONSE,
  'rated',
  'sla_breached',
  'escalated',
  'reopened',
  'rejected',
  'merged',
  'withdrawn',
]);

/** Whether any of these events can change a case's facts. */
export const touchesReportFacts = (events: readonly RecordedEvent[]) =>
  events.some((e) => FACT_EVENT_TYPES.has(e.event.type));

const isRating = (h: RecordedEvent) => h.event.type === 'rated';

const moment = (kind: ReportFact['kind'], seq: number, at: Date): ReportFact => ({
  kind,
  seq,
  at,
  until: null,
  workingMs: null,
  isOnTime: null,
  rating: null,
  wasReopened: false,
});

/**
 * The facts the events of `history` from `start.index` on add to a case, `start.state` being
 * the case before them (index 0 and null: the whole history). Working times run from receipt
 * in the unit's calendar with the time awaiting the citizen excluded; a resolution is on time
 * when on or before the resolution deadline in force at that moment (the SLA engine's, through
 * `measure`); open spans follow the projected status.
 */
export async function reportFactsOf(
  history: readonly RecordedEvent[],
  measure: MeasureAt,
  start: { index: number; state: CaseState | null } = { index: 0, state: null },
): Promise<ReportFactsDelta> {
  const receivedAt = history[0]?.at;
  if (!receivedAt) throw new Error('a case history starts with its receipt');
  const delta: ReportFactsDelta = {
    facts: [],
    closesOpenSpanAt: null,
    supersedesRatingAt: null,
    reopensResolutions: false,
  };
  let hasFirstResponse = history
    .slice(0, start.index)
    .some((h) => FIRST_RESPONSE.has(h.event.type));
  // The resolution that is also the first response is measured once.
  const measured = new Map<number, ReturnType<MeasureAt>>();
  const measureOnce = (index: number, at: CaseState) => {
    let m = measured.get(index);
    if (!m) measured.set(index, (m = measure(index, at)));
    return m;
  };
  let state = start.state;
  let span: ReportFact | null = null;
  let rating: ReportFact | null = null;
  for (let index = start.index; index < history.length; index += 1) {
    const { event, at, version } = history[index]!;
    const wasOpen = state !== null && isOpen(state.status);
    state = applyEvent(state, event);
    const isOpenNow = isOpen(state.status);
    if (isOpenNow && !wasOpen) {
      span = { ...moment('open', version, at) };
      delta.facts.push(span);
    } else if (!isOpenNow && wasOpen) {
      if (span) span.until = at;
      else delta.closesOpenSpanAt = at;
      span = null;
    }
    if (FIRST_RESPONSE.has(event.type) && !hasFirstResponse) {
      hasFirstResponse = true;
      const { calendar, sla } = await measureOnce(index, state);
      delta.facts.push({
        ...moment('first_response', version, at),
        workingMs: calendar.workingDurationBetween(receivedAt, at, sla.pauses),
      });
    }
    if (event.type === 'resolved') {
      const { calendar, sla } = await measureOnce(index, state);
      const dueAt = sla.clocks.resolution.dueAt;
      delta.facts.push({
        ...moment('resolved', version, at),
        workingMs: calendar.workingDurationBetween(receivedAt, at, sla.pauses),
        // A resolution with no deadline running (never started) cannot be late.
        isOnTime: dueAt === null || at <= dueAt,
      });
    } else if (event.type === 'reopened') {
      for (const f of delta.facts) if (f.kind === 'resolved') f.wasReopened = true;
      delta.reopensResolutions = true;
    } else if (event.type === 'rated') {
      // A rating's `until` is when the next one replaced it: the last rating given in a
      // period is the one in it not replaced before the period's end.
      if (rating) rating.until = at;
      else if (history.slice(0, start.index).some(isRating)) delta.supersedesRatingAt = at;
      rating = { ...moment('rated', version, at), rating: event.rating };
      delta.facts.push(rating);
    } else if (event.type === 'sla_breached') {
      delta.facts.push(moment('breached', version, at));
    } else if (event.type === 'escalated') {
      delta.facts.push(moment('escalated', version, at));
    }
  }
  return delta;
}

import type { CaseEventType, RecordedEvent } from '../case/case-events.js';
import { isOpen, type CaseState } from '../case/case-state.js';
import { applyEvent } from '../case/project.js';

/** What a fact records: a moment reports count, or a span during which a holding had the case open. */
export const REPORT_FACT_KINDS = [
  'received',
  'first_response',
  'resolved',
  'rated',
  'breached',
  'escalated',
  'transferred_out',
  'open',
] as const;
export type ReportFactKind = (typeof REPORT_FACT_KINDS)[number];

/** Who held the case when a fact happened: the fact is credited to them, for good. */
export interface FactHolding {
  unitId: string | null;
  assigneeId: string | null;
  categoryId: string;
}

/** One fact of a case. */
export interface ReportFact extends FactHolding {
  kind: ReportFactKind;
  /** The version of the event behind the fact (that began the span, for 'open'). */
  seq: number;
  at: Date;
  /** 'open': when the span ended; 'rated': when the next rating replaced it; null: not yet. */
  until: Date | null;
  /** 'first_response', 'resolved': working time from receipt, time awaiting the citizen excluded. */
  workingMs: number | null;
  /**
   * 'resolved': on or before the resolution deadline in force then (true), after it (false),
   * or no deadline was in force (null; not on time, see onTimeOf).
   */
  isOnTime: boolean | null;
  rating: number | null;
  /** 'resolved': reopened afterwards. */
  wasReopened: boolean;
  /** 'open': the resolution deadline in force during the span; null: none. */
  dueAt: Date | null;
}

/** What the SLA engine says just after an event: the resolution deadline then, the working time since receipt. */
export interface FactMeasure {
  dueAt: Date | null;
  workingMs: number;
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

const FIRST_RESPONSE: ReadonlySet<CaseEventType> = new Set([
  'replied',
  'info_requested',
  'resolved',
]);

const holdingOf = (s: CaseState): FactHolding => ({
  unitId: s.unitId,
  assigneeId: s.assigneeId,
  categoryId: s.categoryId,
});

type SpanKey = { holding: FactHolding; dueAt: Date | null } | null;
const sameSpan = (a: SpanKey, b: SpanKey) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.holding.unitId === b.holding.unitId &&
    a.holding.assigneeId === b.holding.assigneeId &&
    a.holding.categoryId === b.holding.categoryId &&
    (a.dueAt?.getTime() ?? null) === (b.dueAt?.getTime() ?? null));

const moment = (kind: ReportFactKind, seq: number, at: Date, h: FactHolding): ReportFact => ({
  kind,
  seq,
  at,
  until: null,
  workingMs: null,
  isOnTime: null,
  rating: null,
  wasReopened: false,
  dueAt: null,
  ...h,
});

/**
 * The report facts of a case's history, each credited to whoever held the case when it
 * happened (unit, assignee, category), and never moved afterwards:
 * - 'received': the first unit the case came to (its first routing), at that moment;
 * - 'transferred_out': a transfer, credited to the unit that sent the case away;
 * - 'first_response', 'resolved', 'rated', 'breached', 'escalated': the holding at that moment;
 *   a resolution is on time when on or before the resolution deadline in force then, and
 *   neither on time nor late when none was in force;
 * - 'open': a span during which the case was open with one holding and one resolution
 *   deadline; a transfer, an assignment, a new category or a moved deadline ends it and
 *   begins the next, so "open (and overdue) at a moment" is credited to the holder then.
 *
 * `start` gives where the new events begin and the case before them (index 0, null: the
 * whole history). Facts computed event by event, applying each delta's changes to the facts
 * before it, are the facts of the whole history (report-facts.property.test.ts).
 */
export function reportFactsOf(
  history: readonly RecordedEvent[],
  measure: (index: number) => FactMeasure,
  start: { index: number; state: CaseState | null } = { index: 0, state: null },
): ReportFactsDelta {
  if (history.length === 0) throw new Error('a case history starts with its receipt');
  const delta: ReportFactsDelta = {
    facts: [],
    closesOpenSpanAt: null,
    supersedesRatingAt: null,
    reopensResolutions: false,
  };
  const before = history.slice(0, start.index);
  let hasFirstResponse = before.some((h) => FIRST_RESPONSE.has(h.event.type));
  let hadRating = before.some((h) => h.event.type === 'rated');
  // A unit, once given, is never taken away (routing, transfers and merges replace it).
  let hasUnit = start.state?.unitId != null;
  let state = start.state;
  // The open span's holding and deadline (stored before these events, or written here).
  let current: SpanKey =
    state && isOpen(state.status) && start.index > 0
      ? { holding: holdingOf(state), dueAt: measure(start.index - 1).dueAt }
      : null;
  let span: ReportFact | null = null;
  let rating: ReportFact | null = null;
  for (let index = start.index; index < history.length; index += 1) {
    const { event, at, version } = history[index]!;
    const previous = state;
    state = applyEvent(previous, event);
    const holding = holdingOf(state);
    const now = measure(index);

    // Spans: the open one ends when the case closes or its holding or deadline changes.
    const dueAt = isOpen(state.status) ? now.dueAt : null;
    const next = isOpen(state.status) ? { holding, dueAt } : null;
    if (!sameSpan(current, next)) {
      if (current) {
        if (span) span.until = at;
        else delta.closesOpenSpanAt = at;
      }
      span = next ? { ...moment('open', version, at, holding), dueAt } : null;
      if (span) delta.facts.push(span);
      current = next;
    }

    if (!hasUnit && state.unitId !== null) {
      hasUnit = true;
      delta.facts.push(moment('received', version, at, holding));
    }
    if (event.type === 'transferred' && previous) {
      delta.facts.push(moment('transferred_out', version, at, holdingOf(previous)));
    }
    if (FIRST_RESPONSE.has(event.type) && !hasFirstResponse) {
      hasFirstResponse = true;
      delta.facts.push({
        ...moment('first_response', version, at, holding),
        workingMs: now.workingMs,
      });
    }
    if (event.type === 'resolved') {
      delta.facts.push({
        ...moment('resolved', version, at, holding),
        workingMs: now.workingMs,
        // No deadline in force: neither on time nor late (onTimeOf does not count it on time).
        isOnTime: now.dueAt === null ? null : at <= now.dueAt,
      });
    } else if (event.type === 'reopened') {
      for (const f of delta.facts) if (f.kind === 'resolved') f.wasReopened = true;
      delta.reopensResolutions = true;
    } else if (event.type === 'rated') {
      // A rating's `until` is when the next one replaced it: the last rating given in a
      // period is the one in it not replaced before the period's end.
      if (rating) rating.until = at;
      else if (hadRating) delta.supersedesRatingAt = at;
      hadRating = true;
      rating = { ...moment('rated', version, at, holding), rating: event.rating };
      delta.facts.push(rating);
    } else if (event.type === 'sla_breached') {
      delta.facts.push(moment('breached', version, at, holding));
    } else if (event.type === 'escalated') {
      delta.facts.push(moment('escalated', version, at, holding));
    }
  }
  return delta;
}

import {
  findReportCases,
  loadCaseHistories,
  type CaseScope,
  type Database,
  type ReportCaseRow,
} from '@hotline/db';
import { OPEN_STATUSES, projectCase, type RecordedEvent } from '@hotline/domain';
import { sharedReads, slaOf, type SharedReads } from '../change-case.js';
import type { Period } from './period.js';

/** A resolution recorded in the period. */
export interface ResolutionFact {
  at: Date;
  /** On or before the resolution deadline in force at that moment. */
  isOnTime: boolean;
  /** Working time from receipt, in the unit's calendar, time awaiting the citizen excluded. */
  workingMs: number;
  /** Reopened afterwards (at any time up to now). */
  wasReopened: boolean;
}

/** What one case contributes to a period's figures, computed from its events. */
export interface CaseFacts {
  row: ReportCaseRow;
  receivedAt: Date;
  isReceivedInPeriod: boolean;
  resolutions: ResolutionFact[];
  /** The first response (reply, question to the citizen or resolution), when in the period. */
  firstResponse: { at: Date; workingMs: number } | null;
  /** The citizen's last rating given in the period. */
  rating: number | null;
  /** Open at the end of the period (or now, when the period has not ended). */
  isOpenAtEnd: boolean;
  breachesAt: Date[];
  escalationsAt: Date[];
}

const CHUNK = 2000;
const FIRST_RESPONSE = new Set(['replied', 'info_requested', 'resolved']);

/**
 * The facts of every case of the scope that can count in the period, from their histories:
 * deadlines are recomputed with the domain's SLA engine at each resolution (the deadline in
 * force then), working times with the unit's calendar.
 */
export async function loadCaseFacts(
  db: Database,
  scope: CaseScope,
  period: Period,
  now: Date,
): Promise<CaseFacts[]> {
  const rows = await findReportCases(db, scope, period.from, period.to);
  const reads = sharedReads();
  const facts: CaseFacts[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const histories = await loadCaseHistories(
      db,
      chunk.map((r) => r.id),
    );
    for (const row of chunk) {
      facts.push(await factsOf(db, reads, row, histories.get(row.id) ?? [], period, now));
    }
  }
  return facts;
}

const inPeriod = (at: Date, p: Period) => at >= p.from && at < p.to;

async function factsOf(
  db: Database,
  reads: SharedReads,
  row: ReportCaseRow,
  history: RecordedEvent[],
  period: Period,
  now: Date,
): Promise<CaseFacts> {
  const receivedAt = new Date(row.received_at);
  const upTo = (index: number) => history.slice(0, index + 1);
  const measure = async (index: number, at: Date) => {
    const past = upTo(index);
    const state = projectCase(past.map((h) => h.event));
    if (!state) throw new Error(`case ${row.id} has no history`);
    return slaOf(db, state, past, at, reads);
  };

  const resolutions: ResolutionFact[] = [];
  let firstResponse: CaseFacts['firstResponse'] = null;
  let hasFirstResponse = false;
  let rating: number | null = null;
  const breachesAt: Date[] = [];
  const escalationsAt: Date[] = [];
  for (const [index, { event, at }] of history.entries()) {
    const isIn = inPeriod(at, period);
    if (FIRST_RESPONSE.has(event.type) && !hasFirstResponse) {
      hasFirstResponse = true;
      if (isIn) {
        const { calendar, sla } = await measure(index, at);
        firstResponse = {
          at,
          workingMs: calendar.workingDurationBetween(receivedAt, at, sla.pauses),
        };
      }
    }
    if (!isIn) continue;
    if (event.type === 'resolved') {
      const { calendar, sla } = await measure(index, at);
      const clock = sla.clocks.resolution;
      resolutions.push({
        at,
        // A resolution with no deadline running (never started) cannot be late.
        isOnTime: clock.dueAt === null || at <= clock.dueAt,
        workingMs: calendar.workingDurationBetween(receivedAt, at, sla.pauses),
        wasReopened: history.slice(index + 1).some((h) => h.event.type === 'reopened'),
      });
    } else if (event.type === 'rated') rating = event.rating;
    else if (event.type === 'sla_breached') breachesAt.push(at);
    else if (event.type === 'escalated') escalationsAt.push(at);
  }
  const end = period.to < now ? period.to : now;
  const before = history.filter((h) => h.at < end).map((h) => h.event);
  const stateAtEnd = projectCase(before);
  return {
    row,
    receivedAt,
    isReceivedInPeriod: inPeriod(receivedAt, period),
    resolutions,
    firstResponse,
    rating,
    isOpenAtEnd: stateAtEnd !== null && OPEN_STATUSES.has(stateAtEnd.status),
    breachesAt,
    escalationsAt,
  };
}

import { findCaseTrackingRow, loadCaseHistory, type Database } from '@hotline/db';
import {
  decide,
  isValidTrackingCode,
  normalizeTrackingCode,
  projectCase,
  redactContacts,
  type CaseStatus,
  type Change,
  type RecordedEvent,
} from '@hotline/domain';
import { AppError, validationFailed } from '../errors.js';
import { REOPEN_WINDOW_MS, reopenRefusal } from '../follow-up/reopen-case.js';

/** A text an official wrote to the citizen, placed on the timeline by its event. */
export interface CaseMessage {
  kind: 'question' | 'reply' | 'answer';
  /** The event it belongs to: its type and instant, as on the public timeline. */
  type: string;
  at: string;
  text: string;
}

/** What the citizen's tracking page shows beyond the public case, and what they may do next. */
export interface CaseFollowUp {
  status: CaseStatus;
  /** The resolution deadline in force; null when none is running (paused, answered, closed). */
  resolutionDueAt: string | null;
  /** The clock waits for the citizen's answer to a question. */
  isPaused: boolean;
  isOverdue: boolean;
  /** The open question when the case awaits the citizen, else null. */
  question: CaseMessage | null;
  /** The latest resolution, else null. */
  answer: CaseMessage | null;
  /** Questions, replies and answers, oldest first (phone numbers and e-mails taken out). */
  messages: CaseMessage[];
  rating: { value: number; comment: string | null } | null;
  /** The last moment the citizen may reopen the case, when they may. */
  reopenUntil: string | null;
  actions: { provideInformation: boolean; rate: boolean; reopen: boolean; withdraw: boolean };
}

const CITIZEN = { kind: 'citizen' } as const;
const OPEN: ReadonlySet<CaseStatus> = new Set([
  'received',
  'triaged',
  'assigned',
  'in_progress',
  'reopened',
]);

function messageOf(h: RecordedEvent): CaseMessage | null {
  const at = h.at.toISOString();
  const e = h.event;
  if (e.type === 'info_requested') {
    return { kind: 'question', type: e.type, at, text: redactContacts(e.question) };
  }
  if (e.type === 'replied')
    return { kind: 'reply', type: e.type, at, text: redactContacts(e.text) };
  if (e.type === 'resolved') {
    return { kind: 'answer', type: e.type, at, text: redactContacts(e.resolutionText) };
  }
  return null;
}

/**
 * The tracking page's extra facts for a case by its code: deadline, the question it waits on,
 * the answer, the rating, and which of the citizen's actions the case allows now (the domain
 * decides, exactly as it will when the citizen acts).
 */
export async function getCaseFollowUp(
  deps: { db: Database },
  rawCode: string,
  now: Date,
): Promise<CaseFollowUp> {
  if (!isValidTrackingCode(rawCode)) {
    throw validationFailed([{ field: 'trackingCode', reason: 'invalid_tracking_code' }]);
  }
  const row = await findCaseTrackingRow(deps.db, normalizeTrackingCode(rawCode));
  if (!row) throw new AppError('CASE_NOT_FOUND', 'no case with this tracking code');
  const history = await loadCaseHistory(deps.db, row.id);
  const state = projectCase(history.map((h) => h.event));
  if (!state) throw new AppError('CASE_NOT_FOUND', 'the case has no history');
  const may = (change: Change) => decide(state, change, CITIZEN).ok;

  const messages = history.map(messageOf).filter((m) => m !== null);
  const last = (kind: CaseMessage['kind']) => messages.findLast((m) => m.kind === kind) ?? null;
  const rated = history.findLast((h) => h.event.type === 'rated')?.event;
  const resolved = history.findLast((h) => h.event.type === 'resolved');
  const canReopen = may({ type: 'reopened', reason: '-' }) && reopenRefusal(history, now) === null;
  const isPaused = state.status === 'awaiting_citizen';
  const due = OPEN.has(state.status) ? row.resolutionDueAt : null;
  return {
    status: state.status,
    resolutionDueAt: due?.toISOString() ?? null,
    isPaused,
    isOverdue: due !== null && due.getTime() < now.getTime(),
    question: isPaused ? last('question') : null,
    answer: last('answer'),
    messages,
    rating:
      rated?.type === 'rated' ? { value: rated.rating, comment: rated.comment ?? null } : null,
    reopenUntil:
      canReopen && resolved
        ? new Date(resolved.at.getTime() + REOPEN_WINDOW_MS).toISOString()
        : null,
    actions: {
      provideInformation: may({ type: 'info_provided', text: '-' }),
      rate: may({ type: 'rated', rating: 5 }),
      reopen: canReopen,
      withdraw: may({ type: 'withdrawn' }),
    },
  };
}

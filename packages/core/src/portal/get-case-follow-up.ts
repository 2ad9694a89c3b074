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
import { publicCaseOf, type PublicationFacts } from '../publication/public-case.js';
import { REOPEN_WINDOW_MS, reopenRefusal } from '../follow-up/reopen-case.js';

/**
 * A text on the timeline, placed by its event: an official's question, reply or answer, or
 * (for the case's proven owner only) the citizen's own added information or rating comment.
 */
export interface CaseMessage {
  kind: 'question' | 'reply' | 'answer' | 'information' | 'comment';
  /** The event it belongs to: its type and instant, as on the public timeline. */
  type: string;
  at: string;
  text: string;
  /** Files that came with the citizen's information (how many; the files stay with officials). */
  fileCount?: number;
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
  /**
   * For the proven owner: questions, replies and answers, oldest first (phone numbers and
   * e-mails taken out), and their own information and rating comment as they wrote them. For
   * anyone else only the published answer, as an official approved it: anyone may know a code,
   * and an answer may quote the citizen.
   */
  messages: CaseMessage[];
  /** The comment only for the proven owner: anyone may know a code, and it may name people. */
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

/** What a visitor without proof sees of the texts: the approved answer of a published case. */
function publicMessagesOf(row: PublicationFacts, history: readonly RecordedEvent[]): CaseMessage[] {
  const view = publicCaseOf(row);
  const resolved = history.findLast((h) => h.event.type === 'resolved');
  if (view.kind !== 'published' || !resolved) return [];
  return [{ kind: 'answer', type: 'resolved', at: resolved.at.toISOString(), text: view.answer }];
}

/** The citizen's own words on an event, for their eyes only (their text, so not redacted). */
function ownMessageOf(h: RecordedEvent): CaseMessage | null {
  const at = h.at.toISOString();
  const e = h.event;
  if (e.type === 'info_provided') {
    const fileCount = e.attachmentIds?.length ?? 0;
    return {
      kind: 'information',
      type: e.type,
      at,
      text: e.text,
      ...(fileCount ? { fileCount } : {}),
    };
  }
  if (e.type === 'rated' && e.comment)
    return { kind: 'comment', type: e.type, at, text: e.comment };
  return null;
}

/**
 * The tracking page's extra facts for a case by its code: deadline, the question it waits on,
 * the answer, the rating, and which of the citizen's actions the case allows now (the domain
 * decides, exactly as it will when the citizen acts). `owned` is what `proveCaseOwner` returned
 * for this visitor: only then does the citizen's own text come back.
 */
export async function getCaseFollowUp(
  deps: { db: Database },
  rawCode: string,
  now: Date,
  owned: { caseId: string } | null = null,
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
  const isOwner = owned !== null && owned.caseId === row.id;

  const messages = isOwner
    ? history.map((h) => messageOf(h) ?? ownMessageOf(h)).filter((m) => m !== null)
    : publicMessagesOf(row, history);
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
      rated?.type === 'rated'
        ? { value: rated.rating, comment: isOwner ? (rated.comment ?? null) : null }
        : null,
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

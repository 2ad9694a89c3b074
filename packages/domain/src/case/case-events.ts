import type { CaseType, Channel, Priority } from '../case-model.js';

/** Who did it, as recorded with each event. */
export type Actor =
  | { kind: 'citizen' }
  | { kind: 'system'; process: string }
  | { kind: 'official'; officialId: string };

/** The three clocks a policy sets: acceptance (thụ lý), first response, resolution. */
export type SlaTargetName = 'acceptance' | 'first_response' | 'resolution';

export interface Received {
  type: 'received';
  caseType: CaseType;
  channel: Channel;
  categoryId: string;
  hotlineId: string | null;
  communeUnitId: string | null;
  priority: Priority;
}
/** Classified by an operator or unit leader; any field given replaces the current one. */
export interface Triaged {
  type: 'triaged';
  categoryId?: string;
  caseType?: CaseType;
  priority?: Priority;
  /** A complex complaint or denunciation gets the policy's longer targets. */
  isComplex?: boolean;
}
export interface Routed {
  type: 'routed';
  unitId: string;
  /** Why this unit: the hotline owner's unit, the triage fallback, or a routing rule. */
  reason: 'hotline_owner_unit' | 'triage_fallback' | 'rule';
  ruleId?: string;
}
export interface Assigned {
  type: 'assigned';
  assigneeId: string;
}
/** The assigned handler takes the case on (thụ lý). */
export interface Accepted {
  type: 'accepted';
}
/** The clock pauses until the citizen answers. */
export interface InfoRequested {
  type: 'info_requested';
  question: string;
}
export interface InfoProvided {
  type: 'info_provided';
  /** May be empty when files carry the answer (an MMS of photos alone). */
  text: string;
  /** Files that came with the information (their attachment rows on the case). */
  attachmentIds?: readonly string[];
}
export interface Transferred {
  type: 'transferred';
  fromUnitId: string;
  toUnitId: string;
  reason: string;
}
/**
 * The unit holding the case was merged into another (administrative reorganisation): the case
 * moves with its deadlines, history and assignee. Not a transfer.
 */
export interface UnitMerged {
  type: 'unit_merged';
  fromUnitId: string;
  toUnitId: string;
}
export interface ExtensionRequested {
  type: 'extension_requested';
  /** ISO 8601 duration, e.g. "P10D". */
  duration: string;
  reason: string;
}
/** A leader grants more time: `duration`, at most what the pending request asked. */
export interface ExtensionGranted {
  type: 'extension_granted';
  /** The time granted (ISO 8601 duration): what moves the deadline. */
  duration: string;
  /** What the handler's request asked for, when one was pending. */
  requested?: string;
  reason: string;
}
/** A leader turns a pending extension request down. */
export interface ExtensionRefused {
  type: 'extension_refused';
  duration: string;
  reason: string;
}
/** A handler's resolution, waiting for a unit leader's approval (units that require it). */
export interface ResolutionProposed {
  type: 'resolution_proposed';
  resolutionText: string;
}
/** A leader sends a proposed resolution back to the handler. */
export interface ResolutionRefused {
  type: 'resolution_refused';
  reason: string;
}
export interface Replied {
  type: 'replied';
  text: string;
}
export interface Resolved {
  type: 'resolved';
  resolutionText: string;
}
export interface Closed {
  type: 'closed';
  reason: 'citizen_confirmed' | 'no_response' | 'by_official';
}
export interface Reopened {
  type: 'reopened';
  reason: string;
}
export interface Rejected {
  type: 'rejected';
  reason: 'spam' | 'out_of_scope' | 'duplicate' | 'insufficient_information' | 'other';
  note: string;
}
export interface Merged {
  type: 'merged';
  intoCaseId: string;
}
export interface Escalated {
  type: 'escalated';
  level: number;
  /** Who now watches the case: the unit leader, the parent unit's leader, the hotline owner. */
  toOfficialId: string | null;
  toUnitId: string | null;
  reason: 'deadline_passed' | 'too_many_transfers' | 'manual';
}
export interface SlaWarning {
  type: 'sla_warning';
  target: SlaTargetName;
  dueAt: string;
}
export interface SlaBreached {
  type: 'sla_breached';
  target: SlaTargetName;
  dueAt: string;
}
export interface Rated {
  type: 'rated';
  rating: 1 | 2 | 3 | 4 | 5;
  comment?: string;
}
export interface CommentAdded {
  type: 'comment_added';
  text: string;
  /** Internal notes are for officials only. */
  isInternal: boolean;
}

/** More from the citizen before work began (e.g. a second SMS sent a minute after the first). */
export interface MessageAdded {
  type: 'message_added';
  text: string;
  channel: Channel;
}
/** The citizen takes the case back before anyone is assigned to it. */
export interface Withdrawn {
  type: 'withdrawn';
  reason?: string;
}
/**
 * An official approved the case for publication: these redacted texts, as the official read
 * (and perhaps edited) them, are all of it that is ever shown in public.
 */
export interface PublicationApproved {
  type: 'publication_approved';
  publicText: string;
  publicAnswer: string;
}
/** An official decided the case is not to be published (or no longer). */
export interface PublicationRefused {
  type: 'publication_refused';
  reason: string;
}

/** Every change to a case, as stored in `case_events` (type column + payload). */
export type CaseEvent =
  | Received
  | Triaged
  | Routed
  | Assigned
  | Accepted
  | InfoRequested
  | InfoProvided
  | Transferred
  | UnitMerged
  | ExtensionRequested
  | ExtensionGranted
  | ExtensionRefused
  | ResolutionProposed
  | ResolutionRefused
  | Replied
  | Resolved
  | Closed
  | Reopened
  | Rejected
  | Merged
  | Escalated
  | SlaWarning
  | SlaBreached
  | Rated
  | CommentAdded
  | MessageAdded
  | Withdrawn
  | PublicationApproved
  | PublicationRefused;
export type CaseEventType = CaseEvent['type'];

export const CASE_EVENT_TYPES = [
  'received',
  'triaged',
  'routed',
  'assigned',
  'accepted',
  'info_requested',
  'info_provided',
  'transferred',
  'unit_merged',
  'extension_requested',
  'extension_granted',
  'extension_refused',
  'resolution_proposed',
  'resolution_refused',
  'replied',
  'resolved',
  'closed',
  'reopened',
  'rejected',
  'merged',
  'escalated',
  'sla_warning',
  'sla_breached',
  'rated',
  'comment_added',
  'message_added',
  'withdrawn',
  'publication_approved',
  'publication_refused',
] as const satisfies readonly CaseEventType[];

/** An event as it sits in the history: its place, time and author. */
export interface RecordedEvent<E extends CaseEvent = CaseEvent> {
  version: number;
  at: Date;
  actor: Actor;
  event: E;
}

/** Events a citizen may see on the public tracking page (no internal notes, no names). */
export const PUBLIC_EVENT_TYPES: ReadonlySet<CaseEventType> = new Set([
  'received',
  'routed',
  'transferred',
  'unit_merged',
  'accepted',
  'info_requested',
  'info_provided',
  'replied',
  'resolved',
  'closed',
  'reopened',
  'rejected',
  'merged',
  'message_added',
  'withdrawn',
  // Citizens see that their case is late and was reported up; not to whom.
  'sla_breached',
  'escalated',
]);

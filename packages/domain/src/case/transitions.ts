import type { CaseStatus } from '../case-model.js';
import type { OfficialRole } from '../roles.js';
import type { CaseEvent, CaseEventType } from './case-events.js';
import type { CaseState } from './case-state.js';
import { publicationRefusal } from '../publication/public-case.js';
import type { RuleCode } from './rule-codes.js';

/** Who may cause a change: a citizen, the system, or an official holding one of the roles. */
export type ActorRole = 'citizen' | 'system' | OfficialRole;

/** Everything that may appear in a case's history after `received`. */
type Change = Exclude<CaseEvent, { type: 'received' }>;
type ChangeOf<T extends Change['type']> = Extract<Change, { type: T }>;

interface Rule<T extends Change['type']> {
  /** Statuses the change may happen in; 'open' means every open status. */
  from: readonly CaseStatus[] | 'open' | 'any';
  roles: readonly ActorRole[];
  /** Only the handler the case is assigned to (or a leader of its unit) may do it. */
  assigneeOnly?: boolean;
  /** A further condition; returns the rule it breaks. */
  guard?: (state: CaseState, event: ChangeOf<T>) => RuleCode | null;
  /** The state after the change (version excluded). */
  apply: (state: CaseState, event: ChangeOf<T>) => CaseState;
}

const OFFICIALS_WHO_TRIAGE = ['operator', 'unit_leader', 'supervisor', 'admin'] as const;
const LEADERS = ['unit_leader', 'hotline_owner', 'supervisor', 'admin'] as const;
const WORKING: readonly CaseStatus[] = ['assigned', 'in_progress', 'awaiting_citizen'];
const BEFORE_WORK: readonly CaseStatus[] = ['received', 'triaged', 'reopened'];

/** Cases with an answer: the only ones whose publication may be decided. */
const ANSWERED: readonly CaseStatus[] = ['resolved', 'closed'];
/** Who reviews what is published: leaders of the case's unit (in scope), supervisors, admins. */
const MODERATORS = ['unit_leader', 'supervisor', 'admin'] as const;

const same = (s: CaseState) => s;
/** The state without a publication decision. */
function withoutPublication(s: CaseState): CaseState {
  const next = { ...s };
  delete next.publication;
  return next;
}
/** The state without a pending resolution proposal (the key is absent when none is pending). */
function withoutProposal(s: CaseState): CaseState {
  const next = { ...s };
  delete next.pendingResolution;
  return next;
}

/**
 * The case machine: for each change, where it may happen, who may cause it, and what it does.
 * Exhaustive by type: a new event fails to compile until it has a rule.
 */
export const TRANSITIONS: { [T in Change['type']]: Rule<T> } = {
  triaged: {
    from: BEFORE_WORK,
    roles: OFFICIALS_WHO_TRIAGE,
    apply: (s, e) => ({
      ...s,
      status: 'triaged',
      categoryId: e.categoryId ?? s.categoryId,
      caseType: e.caseType ?? s.caseType,
      priority: e.priority ?? s.priority,
      isComplex: e.isComplex ?? s.isComplex,
    }),
  },
  routed: {
    from: BEFORE_WORK,
    roles: ['system', 'operator', 'admin'],
    apply: (s, e) => ({ ...s, unitId: e.unitId }),
  },
  assigned: {
    from: [...BEFORE_WORK, 'assigned', 'in_progress'],
    roles: ['system', 'operator', 'unit_leader', 'admin'],
    guard: (s, e) =>
      s.unitId === null ? 'no_unit' : s.assigneeId === e.assigneeId ? 'already_assigned' : null,
    apply: (s, e) => ({ ...s, status: 'assigned', assigneeId: e.assigneeId }),
  },
  accepted: {
    from: ['assigned'],
    roles: ['handler', 'unit_leader'],
    assigneeOnly: true,
    apply: (s) => ({ ...s, status: 'in_progress' }),
  },
  info_requested: {
    from: ['in_progress'],
    roles: ['handler', 'unit_leader'],
    assigneeOnly: true,
    apply: (s) => ({ ...s, status: 'awaiting_citizen' }),
  },
  info_provided: {
    from: ['awaiting_citizen'],
    roles: ['citizen', 'operator'],
    guard: (_s, e) =>
      e.text.trim() === '' && (e.attachmentIds?.length ?? 0) === 0
        ? 'info_text_or_file_required'
        : null,
    apply: (s) => ({ ...s, status: 'in_progress' }),
  },
  transferred: {
    from: [...BEFORE_WORK, ...WORKING],
    roles: ['handler', 'unit_leader', 'operator', 'supervisor', 'admin'],
    guard: (s, e) =>
      s.unitId === null
        ? 'no_unit_to_transfer'
        : e.fromUnitId !== s.unitId
          ? 'not_held_by_from_unit'
          : e.toUnitId === s.unitId
            ? 'already_in_unit'
            : e.reason.trim() === ''
              ? 'transfer_reason_required'
              : null,
    // A resolution proposed in the old unit is not the new unit's to approve.
    apply: (s, e) => ({
      ...withoutProposal(s),
      status: 'triaged',
      unitId: e.toUnitId,
      assigneeId: null,
      transferCount: s.transferCount + 1,
    }),
  },
  // A reorganisation, not a transfer: the assignee moved with the officials; no transfer counted.
  unit_merged: {
    from: 'open',
    roles: ['system', 'admin'],
    guard: (s, e) =>
      e.fromUnitId !== s.unitId
        ? 'not_held_by_merged_unit'
        : e.toUnitId === s.unitId
          ? 'already_in_unit'
          : null,
    apply: (s, e) => ({ ...s, unitId: e.toUnitId }),
  },
  extension_requested: {
    from: WORKING,
    roles: ['handler', 'unit_leader'],
    guard: (s) => (s.pendingExtension ? 'extension_already_pending' : null),
    apply: (s, e) => ({ ...s, pendingExtension: { duration: e.duration, reason: e.reason } }),
  },
  extension_granted: {
    from: WORKING,
    roles: LEADERS,
    guard: (s, e) => (e.reason.trim() === '' ? 'extension_reason_required' : null),
    apply: (s) => ({
      ...s,
      pendingExtension: null,
      extensionsGranted: s.extensionsGranted + 1,
    }),
  },
  extension_refused: {
    from: WORKING,
    roles: LEADERS,
    guard: (s, e) =>
      !s.pendingExtension
        ? 'no_pending_extension'
        : e.reason.trim() === ''
          ? 'refusal_reason_required'
          : null,
    apply: (s) => ({ ...s, pendingExtension: null }),
  },
  resolution_proposed: {
    from: ['assigned', 'in_progress'],
    roles: ['handler', 'unit_leader'],
    assigneeOnly: true,
    guard: (s, e) =>
      s.pendingResolution !== undefined
        ? 'resolution_already_pending'
        : e.resolutionText.trim() === ''
          ? 'resolution_text_required'
          : null,
    apply: (s, e) => ({ ...s, pendingResolution: e.resolutionText }),
  },
  resolution_refused: {
    from: ['assigned', 'in_progress'],
    roles: LEADERS,
    guard: (s, e) =>
      s.pendingResolution === undefined
        ? 'no_pending_resolution'
        : e.reason.trim() === ''
          ? 'refusal_reason_required'
          : null,
    apply: (s) => ({ ...withoutProposal(s), status: 'in_progress' }),
  },
  replied: {
    from: ['in_progress'],
    roles: ['handler', 'unit_leader'],
    assigneeOnly: true,
    apply: same,
  },
  resolved: {
    from: ['assigned', 'in_progress'],
    roles: ['handler', 'unit_leader'],
    assigneeOnly: true,
    guard: (_s, e) => (e.resolutionText.trim() === '' ? 'resolution_text_required' : null),
    apply: (s) => ({ ...withoutProposal(s), status: 'resolved', pendingExtension: null }),
  },
  closed: {
    from: ['resolved'],
    roles: ['citizen', 'system', 'supervisor', 'admin'],
    apply: (s) => ({ ...s, status: 'closed' }),
  },
  reopened: {
    from: ['resolved', 'closed'],
    roles: ['citizen', 'supervisor', 'admin', 'hotline_owner'],
    guard: (_s, e) => (e.reason.trim() === '' ? 'reopen_reason_required' : null),
    // The answer will change: what was approved for publication is withdrawn until an
    // official reviews the new one.
    apply: (s) => ({ ...withoutPublication(s), status: 'reopened', assigneeId: null }),
  },
  rejected: {
    from: [...BEFORE_WORK, 'assigned', 'in_progress'],
    roles: ['operator', 'unit_leader', 'supervisor', 'admin'],
    guard: (_s, e) => (e.note.trim() === '' ? 'rejection_note_required' : null),
    apply: (s) => ({ ...s, status: 'rejected', pendingExtension: null }),
  },
  merged: {
    from: [...BEFORE_WORK, 'assigned'],
    roles: ['operator', 'unit_leader', 'supervisor', 'admin'],
    apply: (s, e) => ({ ...s, status: 'merged', mergedInto: e.intoCaseId, pendingExtension: null }),
  },
  escalated: {
    from: 'open',
    roles: ['system', 'supervisor', 'admin'],
    // The deadline ladder only climbs; other escalations (transfers, manual) do not move it.
    guard: (s, e) =>
      e.level <= s.escalationLevel && e.reason === 'deadline_passed' ? 'already_escalated' : null,
    apply: (s, e) => ({ ...s, escalationLevel: Math.max(s.escalationLevel, e.level) }),
  },
  sla_warning: { from: 'open', roles: ['system'], apply: same },
  sla_breached: { from: 'open', roles: ['system'], apply: same },
  rated: {
    from: ['resolved', 'closed'],
    roles: ['citizen'],
    guard: (s) => (s.rating !== null ? 'already_rated' : null),
    apply: (s, e) => ({ ...s, rating: e.rating }),
  },
  message_added: {
    from: BEFORE_WORK,
    roles: ['citizen'],
    apply: same,
  },
  withdrawn: {
    from: ['received', 'triaged'],
    roles: ['citizen'],
    apply: (s) => ({ ...s, status: 'withdrawn' }),
  },
  publication_approved: {
    from: ANSWERED,
    roles: MODERATORS,
    guard: (s, e) =>
      (publicationRefusal(s.caseType) ? 'denunciation_never_published' : null) ??
      (e.publicText.trim() === ''
        ? 'public_text_required'
        : e.publicAnswer.trim() === ''
          ? 'public_answer_required'
          : null),
    apply: (s, e) => ({
      ...s,
      publication: { state: 'approved', publicText: e.publicText, publicAnswer: e.publicAnswer },
    }),
  },
  publication_refused: {
    from: ANSWERED,
    roles: MODERATORS,
    guard: (_s, e) => (e.reason.trim() === '' ? 'refusal_reason_required' : null),
    apply: (s, e) => ({ ...s, publication: { state: 'refused', reason: e.reason } }),
  },
  comment_added: {
    from: 'any',
    roles: ['operator', 'handler', 'unit_leader', 'hotline_owner', 'supervisor', 'admin'],
    apply: same,
  },
};

export const ruleFor = <T extends Change['type']>(type: T): Rule<T> => TRANSITIONS[type];
export type { Change, Rule };
export type { CaseEventType };

import {
  resolutionOf,
  type CaseState,
  type Change,
  type OfficialRole,
  type Rejected,
} from '@hotline/domain';
import { AppError } from '../errors.js';

/** What an official may do to a case through `/v1/cases/:id/<action>`. */
export type CaseAction =
  | { kind: 'accept' }
  | { kind: 'assign'; assigneeId: string }
  | { kind: 'request-information'; question: string }
  | { kind: 'transfer'; toUnitId: string; reason: string }
  | { kind: 'request-extension'; duration: string; reason: string }
  | { kind: 'grant-extension'; reason: string; duration?: string }
  | { kind: 'refuse-extension'; reason: string }
  | { kind: 'comment'; text: string; isInternal: boolean }
  | { kind: 'reply'; text: string }
  | { kind: 'resolve'; answer: string }
  | { kind: 'approve-resolution' }
  | { kind: 'refuse-resolution'; reason: string }
  | { kind: 'close' }
  | { kind: 'reject'; reason: Rejected['reason']; note: string }
  | { kind: 'merge'; intoCaseId: string };
export type CaseActionKind = CaseAction['kind'];

/** What deciding an action needs besides the case: its unit's rule and the actor's roles. */
export interface ActionFacts {
  /** The case's unit wants a leader's approval of a handler's resolution. */
  needsApproval: boolean;
  roles: readonly OfficialRole[];
}

/**
 * The domain change an action asks for, from the current state. Pure; the domain's decide()
 * then says whether it is allowed. Throws RULE_VIOLATION when there is nothing to act on.
 */
export function changeOfAction(action: CaseAction, state: CaseState, facts: ActionFacts): Change {
  switch (action.kind) {
    case 'accept':
      return { type: 'accepted' };
    case 'assign':
      return { type: 'assigned', assigneeId: action.assigneeId };
    case 'request-information':
      return { type: 'info_requested', question: action.question };
    case 'transfer':
      return {
        type: 'transferred',
        fromUnitId: state.unitId ?? '',
        toUnitId: action.toUnitId,
        reason: action.reason,
      };
    case 'request-extension':
      return { type: 'extension_requested', duration: action.duration, reason: action.reason };
    case 'grant-extension': {
      // A leader may grant less than was asked (checked against the request and the policy).
      const requested = state.pendingExtension?.duration;
      const duration = action.duration ?? requested;
      if (!duration) {
        throw new AppError('RULE_VIOLATION', 'no extension is pending; say how long to extend', [
          { field: 'duration', reason: 'required' },
        ]);
      }
      return {
        type: 'extension_granted',
        duration,
        ...(requested ? { requested } : {}),
        reason: action.reason,
      };
    }
    case 'refuse-extension':
      return {
        type: 'extension_refused',
        duration: state.pendingExtension?.duration ?? '',
        reason: action.reason,
      };
    case 'comment':
      return { type: 'comment_added', text: action.text, isInternal: action.isInternal };
    case 'reply':
      return { type: 'replied', text: action.text };
    case 'resolve':
      return resolutionOf(state, action.answer, facts.roles, facts.needsApproval);
    case 'approve-resolution':
      if (state.pendingResolution === undefined) {
        throw new AppError('RULE_VIOLATION', 'no resolution is awaiting approval', [
          { field: 'case', reason: 'no_pending_resolution' },
        ]);
      }
      // Resolving over a pending proposal is approving it: decide() keeps that to a leader.
      return { type: 'resolved', resolutionText: state.pendingResolution };
    case 'refuse-resolution':
      return { type: 'resolution_refused', reason: action.reason };
    case 'close':
      return { type: 'closed', reason: 'by_official' };
    case 'reject':
      return { type: 'rejected', reason: action.reason, note: action.note };
    case 'merge':
      return { type: 'merged', intoCaseId: action.intoCaseId };
  }
}

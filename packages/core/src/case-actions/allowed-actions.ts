import { decide, type CaseState, type Principal } from '@hotline/domain';
import { changeOfAction, type ActionFacts, type CaseAction } from './case-action.js';

/** Every action the console may offer, as named in its URL. */
export const CASE_ACTION_NAMES = [
  'accept',
  'assign',
  'reassign',
  'request-information',
  'transfer',
  'request-extension',
  'grant-extension',
  'refuse-extension',
  'comment',
  'reply',
  'resolve',
  'approve-resolution',
  'refuse-resolution',
  'close',
  'reject',
  'merge',
  'attachments',
] as const;
export type CaseActionName = (typeof CASE_ACTION_NAMES)[number];

// Stand-ins for what the official will type: non-empty, and unlike anything in the state, so
// only the status, role, unit and pending-request rules decide.
const SOMEONE = '00000000-0000-4000-8000-000000000000';
const TEXT = '…';

function candidateOf(name: CaseActionName, state: CaseState): CaseAction {
  switch (name) {
    case 'accept':
    case 'close':
    case 'approve-resolution':
      return { kind: name };
    case 'assign':
    case 'reassign':
      return { kind: 'assign', assigneeId: SOMEONE };
    case 'request-information':
      return { kind: name, question: TEXT };
    case 'transfer':
      return { kind: name, toUnitId: SOMEONE, reason: TEXT };
    case 'request-extension':
      return { kind: name, duration: 'P1D', reason: TEXT };
    case 'grant-extension':
      return { kind: name, reason: TEXT, duration: state.pendingExtension?.duration ?? 'P1D' };
    case 'refuse-extension':
    case 'refuse-resolution':
      return { kind: name, reason: TEXT };
    case 'comment':
    case 'attachments':
      return { kind: 'comment', text: TEXT, isInternal: true };
    case 'reply':
      return { kind: name, text: TEXT };
    case 'resolve':
      return { kind: name, answer: TEXT };
    case 'reject':
      return { kind: name, reason: 'spam', note: TEXT };
    case 'merge':
      return { kind: name, intoCaseId: SOMEONE };
  }
}

/**
 * Exactly the actions `principal` may take on the case now: each candidate goes through the same
 * change-building and the domain's decide() as the real action, so the console offers only what
 * would succeed (given valid input). Assign and reassign differ by whether someone holds it.
 */
export function allowedActionsOf(
  state: CaseState,
  principal: Principal,
  facts: ActionFacts,
  maxExtensions: number,
): CaseActionName[] {
  return CASE_ACTION_NAMES.filter((name) => {
    if (name === 'assign' && state.assigneeId !== null) return false;
    if (name === 'reassign' && state.assigneeId === null) return false;
    // The console decides requests; a leader's own extension without one goes through the API.
    if (name === 'grant-extension' && !state.pendingExtension) return false;
    try {
      const change = changeOfAction(candidateOf(name, state), state, facts);
      return decide(state, change, principal, {
        maxExtensions,
        resolutionNeedsApproval: facts.needsApproval,
      }).ok;
    } catch {
      return false;
    }
  });
}

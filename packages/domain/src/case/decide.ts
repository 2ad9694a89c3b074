import { mayCauseChange, type Principal } from '../access/access.js';
import type { Actor } from './case-events.js';
import { isOpen, type CaseState } from './case-state.js';
import { mayApproveResolution, resolvingNeedsApproval } from './resolution-approval.js';
import { RULES, type RuleCode } from './rule-codes.js';
import { TRANSITIONS, type ActorRole, type Change } from './transitions.js';

export type { Principal };

export type DomainErrorCode =
  'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'NOT_ASSIGNEE' | 'RULE_VIOLATION' | 'EXTENSION_LIMIT';

/** Why a change was refused; the API answers 409 (403 for FORBIDDEN / NOT_ASSIGNEE). */
export interface DomainError {
  code: DomainErrorCode;
  event: Change['type'];
  /** The rule broken, a stable code; `reason` says it in English. */
  rule: RuleCode;
  reason: string;
}

export type Decision = { ok: true; events: Change[] } | { ok: false; error: DomainError };

export interface DecideContext {
  /** Extensions the case's policy allows (none when absent). */
  maxExtensions?: number;
  /** The case's unit wants a leader's approval of a handler's resolution (default: no). */
  resolutionNeedsApproval?: boolean;
}

/** What is stored as the author of an event. */
export function actorOf(p: Principal): Actor {
  switch (p.kind) {
    case 'citizen':
      return { kind: 'citizen' };
    case 'system':
      return { kind: 'system', process: p.process };
    case 'official':
      return { kind: 'official', officialId: p.officialId };
  }
}

const refuse = (
  code: DomainErrorCode,
  event: Change['type'],
  rule: RuleCode,
  reason: string = RULES[rule].text,
): Decision => ({ ok: false, error: { code, event, rule, reason } });

/**
 * Decides whether `principal` may make `change` to a case in `state`: legal from the status,
 * allowed for the role (and unit, and assignee where it matters), and within the rules.
 * Pure; the clock is not needed because the change's time is recorded by the caller.
 */
export function decide(
  state: CaseState,
  change: Change,
  principal: Principal,
  ctx: DecideContext = {},
): Decision {
  const rule = TRANSITIONS[change.type] as {
    from: readonly string[] | 'open' | 'any';
    guard?: (s: CaseState, e: Change) => RuleCode | null;
  };
  // Approving a resolution is a leader's: said before the general role rule, whose answer
  // ("handler, admin may not resolved") would not say why.
  const roles: readonly ActorRole[] =
    principal.kind === 'official' ? principal.roles : [principal.kind];
  if (
    change.type === 'resolved' &&
    resolvingNeedsApproval(state, ctx.resolutionNeedsApproval ?? false) &&
    !mayApproveResolution(roles)
  ) {
    return refuse('FORBIDDEN', change.type, 'leader_only');
  }
  // Who may cause it is the access module's answer. A role that may never do this hears so
  // (403) whatever the case's status (409); the case's unit and assignee count after.
  const access = mayCauseChange(principal, change.type, state);
  if (!access.ok && access.rule === 'role_not_allowed') {
    return refuse('FORBIDDEN', change.type, 'role_not_allowed', access.reason);
  }
  const legal =
    rule.from === 'any' ||
    (rule.from === 'open' ? isOpen(state.status) : rule.from.includes(state.status));
  if (!legal) {
    return refuse(
      'ILLEGAL_TRANSITION',
      change.type,
      'not_allowed_in_status',
      `cannot ${change.type} a case that is ${state.status}`,
    );
  }
  if (!access.ok) {
    const ruleCode: RuleCode = access.rule === 'not_assignee' ? 'not_assignee' : 'other_unit';
    return refuse(access.code, change.type, ruleCode);
  }
  const failed = rule.guard?.(state, change);
  if (failed) return refuse('RULE_VIOLATION', change.type, failed);
  if (change.type === 'extension_granted' && state.extensionsGranted >= (ctx.maxExtensions ?? 0)) {
    return refuse(
      'EXTENSION_LIMIT',
      change.type,
      'extension_limit_reached',
      `the policy allows ${ctx.maxExtensions ?? 0} extension(s) and ${state.extensionsGranted} were granted`,
    );
  }
  return { ok: true, events: [change] };
}

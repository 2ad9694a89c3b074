import type { OfficialRole } from '../roles.js';
import type { Actor } from './case-events.js';
import { isOpen, type CaseState } from './case-state.js';
import { mayApproveResolution, resolvingNeedsApproval } from './resolution-approval.js';
import { RULES, type RuleCode } from './rule-codes.js';
import { TRANSITIONS, type ActorRole, type Change } from './transitions.js';

/** Who is asking, with what they may do. Officials carry their roles and unit scope. */
export type Principal =
  | { kind: 'citizen' }
  | { kind: 'system'; process: string }
  | {
      kind: 'official';
      officialId: string;
      roles: readonly OfficialRole[];
      /**
       * Units whose cases a handler or unit leader may act on (their unit and those below).
       * Province-wide roles (operator, hotline owner, supervisor, admin) are not limited.
       */
      scopeUnitIds?: ReadonlySet<string>;
    };

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

const UNIT_SCOPED_ROLES: readonly ActorRole[] = ['handler', 'unit_leader'];

/** The roles a principal acts with. */
function rolesOf(p: Principal): readonly ActorRole[] {
  return p.kind === 'official' ? p.roles : [p.kind];
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
    roles: readonly ActorRole[];
    assigneeOnly?: boolean;
    guard?: (s: CaseState, e: Change) => RuleCode | null;
  };
  // Approving a resolution is a leader's: said before the general role rule, whose answer
  // ("handler, admin may not resolved") would not say why.
  if (
    change.type === 'resolved' &&
    resolvingNeedsApproval(state, ctx.resolutionNeedsApproval ?? false) &&
    !mayApproveResolution(rolesOf(principal))
  ) {
    return refuse('FORBIDDEN', change.type, 'leader_only');
  }
  // A role that may never do this hears so (403) whatever the case's status (409).
  const allowed = rolesOf(principal).filter((r) => rule.roles.includes(r));
  if (allowed.length === 0) {
    return refuse(
      'FORBIDDEN',
      change.type,
      'role_not_allowed',
      `${rolesOf(principal).join(', ')} may not ${change.type}`,
    );
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
  if (principal.kind === 'official' && allowed.every((r) => UNIT_SCOPED_ROLES.includes(r))) {
    const scope = principal.scopeUnitIds;
    if (scope && (state.unitId === null || !scope.has(state.unitId))) {
      return refuse('FORBIDDEN', change.type, 'other_unit');
    }
    if (
      rule.assigneeOnly &&
      !allowed.includes('unit_leader') &&
      state.assigneeId !== principal.officialId
    ) {
      return refuse('NOT_ASSIGNEE', change.type, 'not_assignee');
    }
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

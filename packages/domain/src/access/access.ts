/**
 * The one place permissions are decided. Routes and use cases ask `may` (or `requireAccess` in
 * core, which asks it) before they act, and every query that reads cases for an official takes
 * the scope `caseScopeOf` computes here. No other file checks a role, a credential's scope, a
 * unit or a hotline to decide who may do what. Pure: whatever the answer needs is passed in.
 *
 * The inputs:
 * - principal: who asks. An official, with their roles, home unit (`unitId`), the credential's
 *   scopes (`credential`: 'all' for a signed-in session, a token's own scopes otherwise; see
 *   TOKEN_SCOPES), how they proved it (`via`), and, for the unit-scoped roles, the units whose
 *   cases they act on (`scopeUnitIds`, from caseScopeOf). A third-party app by its API key. A
 *   citizen, with the case they proved they hold (owner token or one-time code), if any. The
 *   system (workers and timers).
 * - action: what they ask to do, one of AccessAction: read cases, change one (named by the
 *   event it records: the case machine's table says which roles may cause it), moderate
 *   publication, manage reply templates, read reports and exports, log calls, administer.
 * - cases: the facts the answer needs about each case the action touches: its unit, its
 *   assignee, and for a citizen its id. Reads are scoped in the query instead (caseScopeOf).
 */
import type { OfficialRole } from '../roles.js';
import { TRANSITIONS, type ActorRole, type Change } from '../case/transitions.js';

/** What an official's API token may be used for; a signed-in session may do all of it. */
export const TOKEN_SCOPES = [
  'calls:write',
  'cases:read',
  'cases:write',
  'reports:read',
  'admin',
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** An official, however they proved who they are. */
export interface OfficialPrincipal {
  kind: 'official';
  officialId: string;
  roles: readonly OfficialRole[];
  /** Their own unit: a unit leader manages its templates, a handler works its cases. */
  unitId?: string;
  /** The credential's scopes; absent or 'all' for a signed-in session. */
  credential?: ReadonlySet<string> | 'all';
  /** How they proved it: some grants are only for a signed-in session (second factor). */
  via?: 'session' | 'token';
  /**
   * Units whose cases a handler or unit leader may act on (their unit and those below).
   * Province-wide roles (operator, hotline owner, supervisor, admin) are not limited.
   */
  scopeUnitIds?: ReadonlySet<string>;
}

/** Who is asking: a citizen (with the case they proved they hold), the system, or an official. */
export type Principal =
  { kind: 'citizen'; caseId?: string } | { kind: 'system'; process: string } | OfficialPrincipal;

/** Everyone who may ask: the principals of the case machine, and third-party apps by API key. */
export type AccessPrincipal = Principal | { kind: 'api_key'; keyId: string };

/** A change to a case, named by the event it records (`change:resolved`). */
export type CaseChangeAction = `change:${Change['type']}`;

/** Everything the API lets someone do. */
export type AccessAction =
  /** File a new case: anyone through the web and SMS, a third-party app with its API key. */
  | 'case.submit'
  /** A citizen's follow-up on the case they hold (the case machine says which changes). */
  | 'case.follow-up'
  /** See cases in scope: queues, lookups, a case's page, files, assignees and templates. */
  | 'case.read'
  /** See who sent an anonymous case: those who received it, and oversight. */
  | 'case.read-anonymous-sender'
  /** Change cases at all (which change, and to which case, is `change:<event>`). */
  | 'case.change'
  | CaseChangeAction
  /** See answered cases awaiting a publication decision, in the moderation scope. */
  | 'moderation.read'
  /** Decide their publication (then `change:publication_approved` / `_refused`). */
  | 'moderation.decide'
  /** Manage reply templates (of which unit: managedTemplateUnitsOf). */
  | 'templates.manage'
  /** Reports, oversight lists and charts, and their exports, in scope. */
  | 'reports.read'
  /** Log a call taken on a hotline, and look up the caller's open cases. */
  | 'calls.log'
  /** The admin API: units, hotlines, categories, officials, rules, policies, calendars. */
  | 'admin'
  /** Issue an admin-scoped token: a signed-in administrator (with their second factor). */
  | 'admin.issue-admin-token'
  /** Be named the owner of a hotline (asked of the official to be named). */
  | 'hotline.own';

/** What the answer needs about a case the action touches. */
export interface CaseFacts {
  id?: string;
  unitId: string | null;
  assigneeId?: string | null;
}

/** Why access was refused, as a stable code (the domain's rule codes for case changes). */
export type AccessRule =
  | 'role_not_allowed'
  | 'other_unit'
  | 'not_assignee'
  | 'credential_scope_missing'
  | 'session_required'
  | 'not_case_holder';

export type AccessAnswer =
  | { ok: true }
  | {
      ok: false;
      /** NOT_ASSIGNEE where only the case's handler (or a leader) may act; FORBIDDEN otherwise. */
      code: 'FORBIDDEN' | 'NOT_ASSIGNEE';
      rule: AccessRule;
      reason: string;
    };

/** Roles that see every case of the province (operators triage everything). */
const PROVINCE_WIDE: readonly OfficialRole[] = ['operator', 'supervisor', 'admin', 'auditor'];
/** Roles limited to their unit's cases (and, for a leader, the units below) when they act. */
const UNIT_SCOPED: readonly ActorRole[] = ['handler', 'unit_leader'];
const SEE_ANONYMOUS: readonly OfficialRole[] = ['operator', 'supervisor', 'admin'];
/** Who reviews what is published: unit leaders (their unit and below), supervisors, admins. */
const MODERATORS: readonly OfficialRole[] = ['unit_leader', 'supervisor', 'admin'];
/** Operators, and those who stand in for them at the switchboard. */
const CALL_TAKERS: readonly OfficialRole[] = ['operator', 'hotline_owner', 'supervisor', 'admin'];
const HOTLINE_OWNERS: readonly OfficialRole[] = ['hotline_owner', 'unit_leader'];
const ANY_OFFICIAL: readonly OfficialRole[] = [
  'operator',
  'handler',
  'unit_leader',
  'hotline_owner',
  'supervisor',
  'admin',
  'auditor',
];

/** For each action but case changes: the roles and the credential scope it needs. */
const GRANTS: Record<
  Exclude<AccessAction, CaseChangeAction | 'case.submit' | 'case.follow-up' | 'templates.manage'>,
  {
    roles: readonly OfficialRole[];
    scope: TokenScope | null;
    /** Only through a signed-in session (with its second factor), never a token; and why. */
    sessionOnly?: string;
  }
> = {
  'case.read': { roles: ANY_OFFICIAL, scope: 'cases:read' },
  'case.read-anonymous-sender': { roles: SEE_ANONYMOUS, scope: 'cases:read' },
  'case.change': { roles: ANY_OFFICIAL, scope: 'cases:write' },
  'moderation.read': { roles: MODERATORS, scope: 'cases:read' },
  'moderation.decide': { roles: MODERATORS, scope: 'cases:write' },
  'reports.read': { roles: ANY_OFFICIAL, scope: 'reports:read' },
  'calls.log': { roles: CALL_TAKERS, scope: 'calls:write' },
  admin: { roles: ['admin'], scope: 'admin' },
  'admin.issue-admin-token': {
    roles: ['admin'],
    scope: 'admin',
    sessionOnly: 'an admin-scoped token is issued by a signed-in administrator',
  },
  'hotline.own': { roles: HOTLINE_OWNERS, scope: null },
};

const ALLOWED: AccessAnswer = { ok: true };
const refused = (
  rule: AccessRule,
  reason: string,
  code: 'FORBIDDEN' | 'NOT_ASSIGNEE' = 'FORBIDDEN',
): AccessAnswer => ({ ok: false, code, rule, reason });

const hasScope = (p: OfficialPrincipal, scope: TokenScope) =>
  p.credential === undefined || p.credential === 'all' || p.credential.has(scope);

/** The roles a principal acts with in the case machine. */
const actorRolesOf = (p: Principal): readonly ActorRole[] =>
  p.kind === 'official' ? p.roles : [p.kind];

/**
 * Whether the principal may cause a change to a case, by the case machine's roles for it, the
 * units of unit-scoped roles and the assignee rule. `role_not_allowed` comes first: decide()
 * answers it before the case's status, the rest after (see decide.ts).
 */
export function mayCauseChange(
  principal: Principal,
  type: Change['type'],
  c: CaseFacts,
): AccessAnswer {
  const rule = TRANSITIONS[type] as { roles: readonly ActorRole[]; assigneeOnly?: boolean };
  const roles = actorRolesOf(principal);
  const allowed = roles.filter((r) => rule.roles.includes(r));
  if (allowed.length === 0)
    return refused('role_not_allowed', `${roles.join(', ')} may not ${type}`);
  if (principal.kind === 'citizen' && principal.caseId && c.id && principal.caseId !== c.id) {
    return refused('not_case_holder', 'a citizen acts only on the case they hold');
  }
  if (principal.kind === 'official' && allowed.every((r) => UNIT_SCOPED.includes(r))) {
    const scope = principal.scopeUnitIds;
    if (scope && (c.unitId === null || !scope.has(c.unitId))) {
      return refused('other_unit', 'the case belongs to another unit');
    }
    if (
      rule.assigneeOnly &&
      !allowed.includes('unit_leader') &&
      c.assigneeId !== principal.officialId
    ) {
      return refused(
        'not_assignee',
        'only the assigned handler or a unit leader may do this',
        'NOT_ASSIGNEE',
      );
    }
  }
  return ALLOWED;
}

/**
 * The units whose reply templates the official manages: every unit (and the province-wide
 * templates) for an administrator whose credential carries `admin`, their own unit for a unit
 * leader whose credential carries `cases:write`; null when they manage none.
 */
export function managedTemplateUnitsOf(p: AccessPrincipal): 'all' | readonly string[] | null {
  if (p.kind !== 'official') return null;
  if (p.roles.includes('admin') && hasScope(p, 'admin')) return 'all';
  if (p.roles.includes('unit_leader') && hasScope(p, 'cases:write') && p.unitId) return [p.unitId];
  return null;
}

/**
 * May `principal` do `action` (to `cases`, where it touches some)? For reads the cases are not
 * needed: what a read returns is limited by caseScopeOf in the query. For a template, the
 * "case" is the template's unit (null: a province-wide template).
 */
export function may(
  principal: AccessPrincipal,
  action: AccessAction,
  cases: readonly CaseFacts[] = [],
): AccessAnswer {
  if (action === 'case.submit') return ALLOWED;
  if (action === 'case.follow-up') {
    if (principal.kind !== 'citizen' || !principal.caseId) {
      return refused('not_case_holder', 'only the citizen who holds the case follows it up');
    }
    return cases.every((c) => c.id === undefined || c.id === principal.caseId)
      ? ALLOWED
      : refused('not_case_holder', 'a citizen acts only on the case they hold');
  }
  if (action.startsWith('change:')) {
    if (principal.kind === 'api_key')
      return refused('role_not_allowed', 'an API key changes no case');
    if (principal.kind === 'official' && !hasScope(principal, 'cases:write')) {
      return refused('credential_scope_missing', 'this token does not carry the cases:write scope');
    }
    const type = action.slice('change:'.length) as Change['type'];
    for (const c of cases) {
      const answer = mayCauseChange(principal, type, c);
      if (!answer.ok) return answer;
    }
    return cases.length > 0 ? ALLOWED : mayCauseChange(principal, type, { unitId: null });
  }
  if (principal.kind !== 'official') {
    return refused('role_not_allowed', `only an official may ${action}`);
  }
  if (action === 'templates.manage') {
    const managed = managedTemplateUnitsOf(principal);
    if (managed === null) {
      return refused(
        'role_not_allowed',
        'only a unit leader (for their unit) or an administrator manages reply templates',
      );
    }
    if (managed === 'all') return ALLOWED;
    return cases.every((c) => c.unitId !== null && managed.includes(c.unitId))
      ? ALLOWED
      : refused('other_unit', 'a unit leader manages only the templates of their own unit');
  }
  const grant = GRANTS[action as keyof typeof GRANTS];
  if (grant.scope && !hasScope(principal, grant.scope)) {
    return refused(
      'credential_scope_missing',
      `this token does not carry the ${grant.scope} scope`,
    );
  }
  if (!principal.roles.some((r) => grant.roles.includes(r))) {
    return refused('role_not_allowed', `only ${grant.roles.join(', ')} may do this`);
  }
  if (grant.sessionOnly && principal.via !== 'session') {
    return refused('session_required', grant.sessionOnly);
  }
  return ALLOWED;
}

/** Which cases a query may return: all of them, or those of some units or hotlines. */
export type CaseAccessScope =
  { kind: 'all' } | { kind: 'some'; unitIds: readonly string[]; hotlineIds: readonly string[] };

/** What a scope is for: reading cases (queues, pages, reports), or moderating publication. */
export type ScopePurpose = 'read' | 'moderate';

/** Roles that see every case, for each purpose; the others see their units and hotlines. */
const SEES_ALL: Record<ScopePurpose, readonly OfficialRole[]> = {
  read: PROVINCE_WIDE,
  moderate: ['supervisor', 'admin'],
};

/** What caseScopeOf needs read from the organisation, for this official and purpose. */
export function scopeLookupsOf(
  p: OfficialPrincipal,
  purpose: ScopePurpose,
): { subtreeOfUnit: boolean; ownedHotlines: boolean } {
  const roles = p.roles;
  const isLimited =
    !roles.some((r) => SEES_ALL[purpose].includes(r)) &&
    (purpose === 'read' || roles.some((r) => MODERATORS.includes(r)));
  return {
    subtreeOfUnit: isLimited && roles.includes('unit_leader'),
    ownedHotlines: isLimited && purpose === 'read' && roles.includes('hotline_owner'),
  };
}

/**
 * The cases an official may see, from all their roles at once. To read: supervisors,
 * auditors, administrators and operators (who triage everything) all; a unit leader their
 * unit and the units below it; a handler their unit; a hotline owner every case through their
 * hotlines. To moderate: supervisors and administrators all; a unit leader the cases held by
 * their unit and below — not those merely sent to a hotline they own, whose answers are
 * another unit's to vouch for; nobody else any.
 * `org` holds what scopeLookupsOf asked for (the subtree of their unit, their hotlines).
 */
export function caseScopeOf(
  p: OfficialPrincipal,
  purpose: ScopePurpose,
  org: { subtreeUnitIds: readonly string[]; ownedHotlineIds: readonly string[] },
): CaseAccessScope {
  if (p.roles.some((r) => SEES_ALL[purpose].includes(r))) return { kind: 'all' };
  const needs = scopeLookupsOf(p, purpose);
  const unitIds = new Set(needs.subtreeOfUnit ? org.subtreeUnitIds : []);
  const isHandler = purpose === 'read' && p.roles.includes('handler');
  if (isHandler && !needs.subtreeOfUnit && p.unitId) unitIds.add(p.unitId);
  return {
    kind: 'some',
    unitIds: [...unitIds],
    hotlineIds: needs.ownedHotlines ? [...org.ownedHotlineIds] : [],
  };
}

/** The principal with the units of its scope filled in, for changes by unit-scoped roles. */
export function withScopeUnits<P extends OfficialPrincipal>(p: P, scope: CaseAccessScope): P {
  return scope.kind === 'all' ? p : { ...p, scopeUnitIds: new Set(scope.unitIds) };
}

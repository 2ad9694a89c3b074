/**
 * Core's side of the access module. Permissions are decided in the domain's `access/access.ts`
 * (read it first); this file only turns an acting official into its principal, answers
 * FORBIDDEN when `may` says no, and reads what a query's case scope needs from the
 * organisation (a unit's subtree, an official's hotlines) before the domain computes it.
 */
import { findScopeIds, type CaseScope, type Database } from '@hotline/db';
import {
  caseScopeOf,
  managedTemplateUnitsOf,
  may,
  scopeLookupsOf,
  RULES,
  withScopeUnits,
  type AccessAction,
  type AccessPrincipal,
  type CaseFacts,
  type OfficialPrincipal,
  type OfficialRole,
  type Principal,
  type ScopePurpose,
} from '@hotline/domain';
import type { ActingOfficial } from './auth/acting-official.js';
import { AppError } from './errors.js';

/** The access module's principal for an official acting through a session or a token. */
export function principalOf(who: ActingOfficial): OfficialPrincipal {
  return { ...who.principal, unitId: who.unitId, credential: who.scopes, via: who.via };
}

const isActing = (who: ActingOfficial | AccessPrincipal): who is ActingOfficial =>
  'principal' in who;

/** FORBIDDEN unless the access module lets `who` do `action` (to `cases`). */
export function requireAccess(
  who: ActingOfficial | AccessPrincipal,
  action: AccessAction,
  cases: readonly CaseFacts[] = [],
): void {
  const answer = may(isActing(who) ? principalOf(who) : who, action, cases);
  if (answer.ok) return;
  // A case change's rule is the domain's (role_not_allowed, other_unit, not_assignee).
  const isCaseRule = action.startsWith('change:') && answer.rule in RULES;
  throw new AppError(
    'FORBIDDEN',
    answer.reason,
    isCaseRule ? [{ field: 'case', reason: answer.rule }] : [],
  );
}

/** The units whose reply templates `who` manages ('all': every unit), or FORBIDDEN. */
export function templateUnitsFor(who: ActingOfficial): 'all' | readonly string[] {
  requireAccess(who, 'templates.manage');
  return managedTemplateUnitsOf(principalOf(who)) ?? [];
}

/** The citizen who proved they hold the case (its owner token or a one-time code). */
export function caseHolder(caseId: string): Principal {
  const citizen = { kind: 'citizen', caseId } as const;
  requireAccess(citizen, 'case.follow-up', [{ id: caseId, unitId: null }]);
  return citizen;
}

/** Whether a stored official (not the one acting) may do `action` with their roles alone. */
export function officialMay(
  official: { id: string; roles: readonly OfficialRole[] },
  action: AccessAction,
): boolean {
  return may({ kind: 'official', officialId: official.id, roles: official.roles }, action).ok;
}

/** Whether `who` may do `action`, for what a page offers (no error). */
export const isAllowed = (who: ActingOfficial, action: AccessAction, cases?: CaseFacts[]) =>
  may(principalOf(who), action, cases).ok;

/**
 * The cases `who` may see for `purpose`, as the repositories' WHERE conditions take it. What
 * the scope needs was usually read with the credential (ActingOfficial.scopeIds); otherwise
 * one query reads it.
 */
export async function caseScopeFor(
  db: Database,
  who: ActingOfficial,
  purpose: ScopePurpose = 'read',
): Promise<CaseScope> {
  const principal = principalOf(who);
  const needs = scopeLookupsOf(principal, purpose);
  const known = who.scopeIds;
  const org =
    !needs.subtreeOfUnit && !needs.ownedHotlines
      ? { unitIds: [], hotlineIds: [] }
      : known &&
          (!needs.subtreeOfUnit || known.unitIds) &&
          (!needs.ownedHotlines || known.hotlineIds)
        ? { unitIds: known.unitIds ?? [], hotlineIds: known.hotlineIds ?? [] }
        : await findScopeIds(db, {
            subtreeOf: needs.subtreeOfUnit ? who.unitId : null,
            hotlinesOf: needs.ownedHotlines ? principal.officialId : null,
          });
  return caseScopeOf(principal, purpose, {
    subtreeUnitIds: org.unitIds,
    ownedHotlineIds: org.hotlineIds,
  });
}

/** The principal that changes cases: its unit-scoped roles limited to the units of `scope`. */
export function principalInScope(who: ActingOfficial, scope: CaseScope): OfficialPrincipal {
  return withScopeUnits(principalOf(who), scope);
}

import { caseScopeCondition, findScopeIds, type CaseScope, type Database } from '@hotline/db';
import type { OfficialRole, Principal } from '@hotline/domain';
import { AppError } from '../errors.js';

/**
 * An official making a request, however they proved it (a session cookie after sign-in, or an
 * API token): who, with which roles, from which unit, and what the credential allows.
 */
export interface ActingOfficial {
  principal: Extract<Principal, { kind: 'official' }>;
  unitId: string;
  /** A token's scopes; a signed-in session may do whatever the roles allow. */
  scopes: ReadonlySet<string> | 'all';
  via: 'session' | 'token';
  /**
   * What the scope needs, read with the credential (a leader's subtree, an owner's hotlines;
   * null for roles that need neither): scopeOfOfficial then needs no query of its own.
   */
  scopeIds?: { unitIds: readonly string[] | null; hotlineIds: readonly string[] | null };
}

/** Roles that see every case of the province. */
const PROVINCE_WIDE: readonly OfficialRole[] = ['operator', 'supervisor', 'admin', 'auditor'];

/**
 * The cases an official may see, from all their roles at once: supervisors, auditors,
 * administrators and operators (who triage everything) all; a unit leader their unit and the
 * units below it; a handler their unit; a hotline owner every case through their hotlines.
 */
export async function scopeOfOfficial(db: Database, who: ActingOfficial): Promise<CaseScope> {
  const roles = who.principal.roles;
  if (roles.some((r) => PROVINCE_WIDE.includes(r))) return { kind: 'all' };
  const isLeader = roles.includes('unit_leader');
  const isOwner = roles.includes('hotline_owner');
  const known = who.scopeIds;
  const found = !(isLeader || isOwner)
    ? { unitIds: [], hotlineIds: [] }
    : known && (!isLeader || known.unitIds) && (!isOwner || known.hotlineIds)
      ? { unitIds: known.unitIds ?? [], hotlineIds: known.hotlineIds ?? [] }
      : await findScopeIds(db, {
          subtreeOf: isLeader ? who.unitId : null,
          hotlinesOf: isOwner ? who.principal.officialId : null,
        });
  const unitIds = new Set(found.unitIds);
  if (!isLeader && roles.includes('handler')) unitIds.add(who.unitId);
  const hotlineIds = found.hotlineIds;
  return { kind: 'some', unitIds: [...unitIds], hotlineIds };
}

/** The domain principal with its unit scope filled in, for decide() on unit-scoped roles. */
export function principalInScope(
  who: ActingOfficial,
  scope: CaseScope,
): Extract<Principal, { kind: 'official' }> {
  return scope.kind === 'all'
    ? who.principal
    : { ...who.principal, scopeUnitIds: new Set(scope.unitIds) };
}

/** FORBIDDEN unless the credential carries the scope (sessions carry all). */
export function requireScope(who: ActingOfficial, scope: string): void {
  if (who.scopes !== 'all' && !who.scopes.has(scope)) {
    throw new AppError('FORBIDDEN', `this token does not carry the ${scope} scope`);
  }
}

/** FORBIDDEN unless the official holds one of the roles. */
export function requireRole(who: ActingOfficial, roles: readonly OfficialRole[]): void {
  if (!who.principal.roles.some((r) => roles.includes(r))) {
    throw new AppError('FORBIDDEN', `only ${roles.join(', ')} may do this`);
  }
}

export { caseScopeCondition, type CaseScope };

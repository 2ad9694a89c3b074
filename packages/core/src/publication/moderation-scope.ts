import type { CaseScope, Database } from '@hotline/db';
import type { OfficialRole } from '@hotline/domain';
import { requireRole, scopeOfOfficial, type ActingOfficial } from '../auth/acting-official.js';

/** Who reviews what is published: unit leaders (their unit and below), supervisors, admins. */
export const MODERATOR_ROLES: readonly OfficialRole[] = ['unit_leader', 'supervisor', 'admin'];

/**
 * The cases an official may moderate: every case for supervisors and administrators; for a
 * unit leader the cases held by their unit and the units below it — not those merely sent to a
 * hotline they own, whose answers are another unit's to vouch for.
 */
export async function moderationScopeOf(db: Database, who: ActingOfficial): Promise<CaseScope> {
  requireRole(who, MODERATOR_ROLES);
  const roles = who.principal.roles;
  if (roles.includes('supervisor') || roles.includes('admin')) return { kind: 'all' };
  const asLeader = { ...who, principal: { ...who.principal, roles: ['unit_leader' as const] } };
  const scope = await scopeOfOfficial(db, asLeader);
  return scope.kind === 'all' ? scope : { ...scope, hotlineIds: [] };
}

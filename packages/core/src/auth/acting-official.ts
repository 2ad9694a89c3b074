import type { OfficialPrincipal } from '@hotline/domain';

/**
 * An official making a request, however they proved it (a session cookie after sign-in, or an
 * API token): who, with which roles, from which unit, and what the credential allows. What
 * they may do is the access module's to say (access.ts).
 */
export interface ActingOfficial {
  principal: OfficialPrincipal;
  unitId: string;
  /** A token's scopes; a signed-in session may do whatever the roles allow. */
  scopes: ReadonlySet<string> | 'all';
  via: 'session' | 'token';
  /**
   * What the scope needs, read with the credential (a leader's subtree, an owner's hotlines;
   * null for roles that need neither): caseScopeFor then needs no query of its own.
   */
  scopeIds?: { unitIds: readonly string[] | null; hotlineIds: readonly string[] | null };
}

import { findOfficialCredentials, type OfficialCredentials, type Tx } from '@hotline/db';
import { audit } from '../admin/admin-context.js';
import { AppError } from '../errors.js';
import { recordAuthEvent, type AuthEventKind } from './auth-events.js';
import type { ClientInfo } from './session-store.js';
import type { AuthDeps } from './sign-in.js';

/** One kind of administrator's reset: what changes, and what the audit keeps of it. */
export interface CredentialReset {
  event: AuthEventKind;
  /** The admin_audit action. */
  action: string;
  change: (tx: Tx, official: OfficialCredentials) => Promise<void>;
  /** Before and after, as the audit keeps them: whether a secret is set, never the secret. */
  audited: (official: OfficialCredentials) => { before: object; after: object };
}

/**
 * An administrator resets an official's credential (a password, a second factor): the
 * change, its auth event and its audit row in one transaction, and every session of the
 * official ended last, inside it: if Redis fails the reset rolls back, rather than leaving
 * sessions alive after it.
 */
export async function resetCredential(
  deps: Pick<AuthDeps, 'db' | 'sessions'>,
  officialId: string,
  by: { officialId: string | null; client: ClientInfo },
  reset: CredentialReset,
): Promise<{ official: OfficialCredentials; revokedSessions: number }> {
  const official = await findOfficialCredentials(deps.db, officialId);
  if (!official) throw new AppError('OFFICIAL_NOT_FOUND', `official ${officialId} not found`);
  const revokedSessions = await deps.db.transaction(async (tx) => {
    await reset.change(tx, official);
    await recordAuthEvent(tx, reset.event, { officialId, byOfficialId: by.officialId }, by.client);
    const { before, after } = reset.audited(official);
    await audit(tx, by.officialId, reset.action, 'official', official.id, before, after);
    return deps.sessions.revokeAll(official.id);
  });
  return { official, revokedSessions };
}

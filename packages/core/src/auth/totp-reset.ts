import { clearOfficialTotp, findOfficialCredentials } from '@hotline/db';
import { audit } from '../admin/admin-context.js';
import { AppError } from '../errors.js';
import { recordAuthEvent } from './auth-events.js';
import type { ClientInfo } from './session-store.js';
import type { AuthDeps } from './sign-in.js';

/**
 * An administrator resets an official's second factor (a lost or replaced phone): the secret
 * is forgotten and every session ends. The official signs in with their password and enrolls
 * again (an administrator must, before getting a session: sign-in says so).
 */
export async function resetTotp(
  deps: Pick<AuthDeps, 'db' | 'sessions'>,
  officialId: string,
  byOfficialId: string | null,
  client: ClientInfo,
) {
  const official = await findOfficialCredentials(deps.db, officialId);
  if (!official) throw new AppError('OFFICIAL_NOT_FOUND', `official ${officialId} not found`);
  const revoked = await deps.db.transaction(async (tx) => {
    await clearOfficialTotp(tx, official.id);
    await recordAuthEvent(tx, 'totp_reset', { officialId, byOfficialId }, client);
    // Whether a factor was set: never the secret.
    await audit(
      tx,
      byOfficialId,
      'official.totp_reset',
      'official',
      official.id,
      { totpEnabled: official.totpEnabled, hasTotpSecret: official.totpSecret !== null },
      { totpEnabled: false, hasTotpSecret: false },
    );
    // Last: if Redis fails the reset rolls back, rather than leaving sessions alive after it.
    return deps.sessions.revokeAll(official.id);
  });
  return {
    totpEnabled: false as const,
    mustEnrol: official.roles.includes('admin'),
    revokedSessions: revoked,
  };
}

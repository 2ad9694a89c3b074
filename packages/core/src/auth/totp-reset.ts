import { clearOfficialTotp } from '@hotline/db';
import { resetCredential } from './credential-reset.js';
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
  const { official, revokedSessions } = await resetCredential(
    deps,
    officialId,
    { officialId: byOfficialId, client },
    {
      event: 'totp_reset',
      action: 'official.totp_reset',
      change: (tx, o) => clearOfficialTotp(tx, o.id),
      audited: (o) => ({
        before: { totpEnabled: o.totpEnabled, hasTotpSecret: o.totpSecret !== null },
        after: { totpEnabled: false, hasTotpSecret: false },
      }),
    },
  );
  return {
    totpEnabled: false as const,
    mustEnrol: official.roles.includes('admin'),
    revokedSessions,
  };
}

import { findOfficialCredentials, setOfficialPassword } from '@hotline/db';
import { AppError, validationFailed } from '../errors.js';
import { recordAuthEvent } from './auth-events.js';
import { resetCredential } from './credential-reset.js';
import { hashPassword, passwordProblem, temporaryPassword, verifyPassword } from './passwords.js';
import type { AuthDeps } from './sign-in.js';
import type { ClientInfo } from './session-store.js';

/**
 * An official changes their own password (required after a reset): the current one must be
 * right; the new one 12+ characters and not the login. Other sessions are signed out.
 */
export async function changePassword(
  deps: Pick<AuthDeps, 'db' | 'sessions'>,
  who: { officialId: string; sessionId: string },
  input: { current: string; new: string },
  client: ClientInfo,
) {
  const official = await findOfficialCredentials(deps.db, who.officialId);
  if (!official) throw new AppError('OFFICIAL_NOT_FOUND', 'official not found');
  if (!(await verifyPassword(official.passwordHash, input.current))) {
    throw new AppError('INVALID_CREDENTIALS', 'the current password is wrong');
  }
  const problem = passwordProblem(input.new, [official.email, official.username]);
  if (problem) {
    throw validationFailed([{ field: 'new', reason: problem, params: { limit: 12 } }]);
  }
  await setOfficialPassword(deps.db, official.id, await hashPassword(input.new), false);
  await deps.sessions.revokeAll(official.id, who.sessionId);
  await recordAuthEvent(deps.db, 'password_changed', { officialId: official.id }, client);
}

/**
 * An administrator resets an official's password: a one-time temporary password, returned this
 * once; the official must choose a new one at next sign-in, and every session ends now.
 */
export async function resetPassword(
  deps: Pick<AuthDeps, 'db' | 'sessions'>,
  officialId: string,
  byOfficialId: string | null,
  client: ClientInfo,
) {
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  await resetCredential(
    deps,
    officialId,
    { officialId: byOfficialId, client },
    {
      event: 'password_reset',
      action: 'official.password_reset',
      change: (tx, o) => setOfficialPassword(tx, o.id, hash, true),
      audited: (o) => ({
        before: { hasPassword: o.passwordHash !== null, mustChangePassword: o.mustChangePassword },
        after: { hasPassword: true, mustChangePassword: true },
      }),
    },
  );
  return { temporaryPassword: password, mustChangePassword: true as const };
}

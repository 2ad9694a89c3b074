import { findOfficialCredentials, setOfficialPassword } from '@hotline/db';
import { audit } from '../admin/admin-context.js';
import { AppError, validationFailed } from '../errors.js';
import { recordAuthEvent } from './auth-events.js';
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
  const official = await findOfficialCredentials(deps.db, officialId);
  if (!official) throw new AppError('OFFICIAL_NOT_FOUND', `official ${officialId} not found`);
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    await setOfficialPassword(tx, official.id, hash, true);
    await recordAuthEvent(tx, 'password_reset', { officialId, byOfficialId }, client);
    // Whether a password is set and must change: never the password or its hash.
    await audit(
      tx,
      byOfficialId,
      'official.password_reset',
      'official',
      official.id,
      {
        hasPassword: official.passwordHash !== null,
        mustChangePassword: official.mustChangePassword,
      },
      { hasPassword: true, mustChangePassword: true },
    );
    // Last: if Redis fails the reset rolls back, rather than leaving old sessions alive after it.
    await deps.sessions.revokeAll(official.id);
  });
  return { temporaryPassword: password, mustChangePassword: true as const };
}

import {
  clearOfficialTotp,
  findOfficialByLogin,
  listUnitRows,
  setOfficialPassword,
  type Database,
} from '@hotline/db';
import { officialMay } from '../access.js';
import { resetCredential } from '../auth/credential-reset.js';
import { hashPassword, temporaryPassword } from '../auth/passwords.js';
import type { SessionStore } from '../auth/session-store.js';
import { AppError, validationFailed } from '../errors.js';
import { audit } from './admin-context.js';
import { createOfficial } from './manage-officials.js';

/**
 * Who ran a command on the server (`hotline admin …`): there is no official yet, so the audit
 * keeps the operating-system account instead, beside a null official.
 */
export interface ServerOperator {
  osUser: string;
}

/** The one active unit without a parent (the province); otherwise the caller must name one. */
async function rootUnitCode(db: Database): Promise<string> {
  const roots = (await listUnitRows(db)).filter((u) => u.parentId === null && u.isActive);
  if (roots.length !== 1) {
    throw validationFailed([{ field: 'unit', reason: roots.length ? 'ambiguous' : 'required' }]);
  }
  return roots[0]!.code;
}

/**
 * Creates an administrator from the server's command line (the first one, or one more):
 * role admin, a one-time temporary password returned this once, to be changed at the first
 * sign-in, which also makes them enrol a second factor. Refused if the login or e-mail
 * already belongs to someone.
 */
export async function createAdministrator(
  deps: { db: Database },
  input: { login: string; fullName: string; email: string; unitCode?: string },
  by: ServerOperator,
): Promise<{ officialId: string; temporaryPassword: string }> {
  for (const login of [input.login, input.email]) {
    if (await findOfficialByLogin(deps.db, login)) {
      throw new AppError('CONFLICT', `the login ${login} already belongs to an official`);
    }
  }
  const unitCode = input.unitCode ?? (await rootUnitCode(deps.db));
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  const officialId = await deps.db.transaction(async (tx) => {
    // createOfficial's own transaction nests here as a savepoint: all or nothing.
    const view = await createOfficial(
      { db: tx },
      {
        unitCode,
        fullName: input.fullName,
        email: input.email,
        username: input.login,
        roles: ['admin'],
      },
      null,
    );
    await setOfficialPassword(tx, view.id, hash, true);
    await audit(tx, null, 'official.created_by_command', 'official', view.id, null, {
      command: 'hotline admin create',
      osUser: by.osUser,
      mustChangePassword: true,
    });
    return view.id;
  });
  return { officialId, temporaryPassword: password };
}

/**
 * For an administrator locked out of their account (a lost phone, a forgotten password, the
 * only one): from the server's command line, a new one-time temporary password, the second
 * factor forgotten (enrolled again at sign-in) and every session ended. Administrators only:
 * everyone else is reset by an administrator through the API.
 */
export async function resetAdministrator(
  deps: { db: Database; sessions: SessionStore },
  login: string,
  by: ServerOperator,
): Promise<{ officialId: string; temporaryPassword: string; revokedSessions: number }> {
  const official = await findOfficialByLogin(deps.db, login.trim());
  if (!official?.isActive || !officialMay(official, 'admin')) {
    throw new AppError('OFFICIAL_NOT_FOUND', `no active administrator with the login ${login}`);
  }
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  const { revokedSessions } = await resetCredential(
    deps,
    official.id,
    { officialId: null, client: { ip: null, userAgent: `hotline admin reset (${by.osUser})` } },
    {
      event: 'password_reset',
      action: 'official.reset_by_command',
      change: async (tx, o) => {
        await setOfficialPassword(tx, o.id, hash, true);
        await clearOfficialTotp(tx, o.id);
      },
      audited: (o) => ({
        before: { mustChangePassword: o.mustChangePassword, totpEnabled: o.totpEnabled },
        after: { mustChangePassword: true, totpEnabled: false, osUser: by.osUser },
      }),
    },
  );
  return { officialId: official.id, temporaryPassword: password, revokedSessions };
}

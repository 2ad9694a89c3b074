import {
  countUnknownLoginFailures,
  findOfficialByLogin,
  incrementFailedSignIns,
  lockOfficialUntil,
  resetFailedSignIns,
  type Database,
  type OfficialCredentials,
} from '@hotline/db';
import { AppError } from '../errors.js';
import { recordAuthEvent } from './auth-events.js';
import { verifyPassword } from './passwords.js';
import type { ClientInfo, SessionStore } from './session-store.js';
import { decryptTotpSecret, isValidTotp } from './totp.js';

/** What the sign-in use cases need: the database, the session store, the TOTP key. */
export interface AuthDeps {
  db: Database;
  sessions: SessionStore;
  totpKey: Buffer;
}

const LOCK_AFTER_FAILURES = 5;
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 3_600_000;

/** The lock after `failures` consecutive failures: 1 min at 5, doubling, at most 1 h. */
export function lockDurationMs(failures: number): number {
  if (failures < LOCK_AFTER_FAILURES) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - LOCK_AFTER_FAILURES), MAX_LOCK_MS);
}

const invalid = () => new AppError('INVALID_CREDENTIALS', 'wrong login or password');

function lockedError(until: Date, now: Date) {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(
    'ACCOUNT_LOCKED',
    `too many failed sign-ins: sign-in is locked until ${until.toISOString()}`,
    [{ field: 'login', reason: 'locked_until', params: { retryAfterSeconds } }],
  );
}

/** Counts a failure (locking with back-off from the fifth) and returns the error to throw. */
async function failure(
  db: Database,
  official: OfficialCredentials | null,
  identifier: string,
  client: ClientInfo,
  now: Date,
): Promise<AppError> {
  await recordAuthEvent(
    db,
    'sign_in_failed',
    { officialId: official?.id ?? null, identifier },
    client,
  );
  const failures = official
    ? await incrementFailedSignIns(db, official.id)
    : (await unknownLoginLock(db, identifier, now)).failures;
  const lockMs = lockDurationMs(failures);
  if (lockMs === 0) return invalid();
  const until = new Date(now.getTime() + lockMs);
  if (official) await lockOfficialUntil(db, official.id, until);
  await recordAuthEvent(db, 'locked', { officialId: official?.id ?? null, identifier }, client);
  return lockedError(until, now);
}

/** How long failures of a login matching nobody are remembered (an account's are until success). */
const UNKNOWN_LOGIN_MEMORY_MS = 24 * 3_600_000;

/**
 * The lockout of a login that matches nobody, from its recorded failures: the same back-off as
 * an account's, so that "locked" is no sign that a login exists.
 */
async function unknownLoginLock(db: Database, identifier: string, now: Date) {
  const { failures, lastAt } = await countUnknownLoginFailures(
    db,
    identifier,
    new Date(now.getTime() - UNKNOWN_LOGIN_MEMORY_MS),
  );
  const lockMs = lockDurationMs(failures);
  const until = lastAt && lockMs > 0 ? new Date(lastAt.getTime() + lockMs) : null;
  return { failures, until: until && until > now ? until : null };
}

/**
 * Login and password, with lockout: the same argon2 work whether or not the login exists, the
 * same answer for an unknown login as for a wrong password, and the same lockout. Returns the
 * official; no session.
 */
export async function checkCredentials(
  db: Database,
  input: { login: string; password: string },
  client: ClientInfo,
  now: Date,
): Promise<OfficialCredentials> {
  const identifier = input.login.trim();
  const found = await findOfficialByLogin(db, identifier);
  const official = found?.isActive ? found : null;
  const isRight = await verifyPassword(official?.passwordHash ?? null, input.password);
  const lockedUntil = official
    ? official.lockedUntil && official.lockedUntil > now
      ? official.lockedUntil
      : null
    : (await unknownLoginLock(db, identifier, now)).until;
  if (lockedUntil) {
    await recordAuthEvent(
      db,
      'sign_in_blocked',
      { officialId: official?.id ?? null, identifier },
      client,
    );
    throw lockedError(lockedUntil, now);
  }
  if (!official || !isRight) throw await failure(db, official, identifier, client, now);
  return official;
}

/** Checks the second factor where the official has one; a wrong code counts as a failure. */
async function checkTotp(
  deps: AuthDeps,
  official: OfficialCredentials,
  code: string | undefined,
  client: ClientInfo,
  now: Date,
) {
  const identifier = official.email;
  if (!official.totpEnabled || !official.totpSecret) {
    if (official.roles.includes('admin')) {
      throw new AppError(
        'TOTP_ENROLLMENT_REQUIRED',
        'administrators must use a second factor: enroll with POST /v1/auth/totp/enroll',
      );
    }
    return;
  }
  if (!code) throw new AppError('TOTP_REQUIRED', 'a code from the authenticator app is required');
  const secret = decryptTotpSecret(deps.totpKey, official.totpSecret);
  if (!isValidTotp(secret, code, now)) {
    const counted = await failure(deps.db, official, identifier, client, now);
    throw counted.code === 'ACCOUNT_LOCKED'
      ? counted
      : new AppError('TOTP_INVALID', 'the authenticator code is wrong or expired');
  }
}

/** The answer to a successful sign-in. */
export interface SignedIn {
  token: string;
  sessionId: string;
  csrfToken: string;
  official: { id: string; fullName: string; roles: string[]; unitId: string };
  mustChangePassword: boolean;
}

/** Signs an official in: password, then TOTP where required, then a new server-side session. */
export async function signIn(
  deps: AuthDeps,
  input: { login: string; password: string; totp?: string },
  client: ClientInfo,
  now: Date,
): Promise<SignedIn> {
  const official = await checkCredentials(deps.db, input, client, now);
  await checkTotp(deps, official, input.totp, client, now);
  await resetFailedSignIns(deps.db, official.id);
  const session = await deps.sessions.create(official.id, client, now);
  await recordAuthEvent(
    deps.db,
    'sign_in',
    { officialId: official.id, identifier: input.login.trim() },
    client,
  );
  return {
    token: session.token,
    sessionId: session.id,
    csrfToken: session.record.csrfToken,
    official: {
      id: official.id,
      fullName: official.fullName,
      roles: official.roles,
      unitId: official.unitId,
    },
    mustChangePassword: official.mustChangePassword,
  };
}

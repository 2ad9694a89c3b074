import { createHash } from 'node:crypto';
import {
  findOfficialByLogin,
  takeTotpStep,
  type Database,
  type OfficialCredentials,
} from '@hotline/db';
import { signInWait } from '@hotline/domain';
import { AppError } from '../errors.js';
import { recordAuthEvent } from './auth-events.js';
import { verifyPassword } from './passwords.js';
import type { SignInAttemptKeys, SignInAttempts, SignInOrigin } from './sign-in-attempts.js';
import type { ClientInfo, SessionStore } from './session-store.js';
import { acceptedTotpStep, decryptTotpSecret } from './totp.js';
import { spendRecoveryCode } from './recovery-codes.js';

/** What the sign-in use cases need: the database, sessions, failed attempts, the TOTP key. */
export interface AuthDeps {
  db: Database;
  sessions: SessionStore;
  attempts: SignInAttempts;
  totpKey: Buffer;
}

const invalid = () => new AppError('INVALID_CREDENTIALS', 'wrong login or password');

/**
 * ACCOUNT_LOCKED (423), whatever the count that imposes the wait: the answer is the same for
 * every login, existing or not, and says only how long to wait.
 */
function throttledError(waitMs: number) {
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError(
    'ACCOUNT_LOCKED',
    `too many failed sign-ins: try again in ${retryAfterSeconds} seconds`,
    [{ field: 'login', reason: 'locked_until', params: { retryAfterSeconds } }],
  );
}

/** A login that matches nobody is counted under a digest of it (no login in Redis keys). */
const loginDigest = (identifier: string) =>
  createHash('sha256').update(identifier.toLowerCase()).digest('base64url').slice(0, 32);

/** The throttle's keys for this try: the device stands for the address where it is known. */
export function attemptKeysOf(
  official: OfficialCredentials | null,
  identifier: string,
  origin: SignInOrigin,
): { keys: SignInAttemptKeys; isKnownDevice: boolean } {
  const { address, device } = origin;
  const isKnownDevice = !!official && !!device && device.officialIds.has(official.id);
  return {
    keys: {
      account: official ? `official:${official.id}` : `login:${loginDigest(identifier)}`,
      source: isKnownDevice ? `device:${device.id}` : `address:${address}`,
      address,
    },
    isKnownDevice,
  };
}

/** An attempt in progress: the official (null: no such login) and the throttle's keys. */
export interface SignInAttempt {
  official: OfficialCredentials | null;
  identifier: string;
  keys: SignInAttemptKeys;
}

/** Counts a failure and returns the error to throw. */
async function failure(
  deps: Pick<AuthDeps, 'db' | 'attempts'>,
  attempt: SignInAttempt,
  client: ClientInfo,
  now: Date,
  error: AppError,
): Promise<AppError> {
  const { official, identifier } = attempt;
  await deps.attempts.fail(attempt.keys, now);
  await recordAuthEvent(
    deps.db,
    'sign_in_failed',
    { officialId: official?.id ?? null, identifier },
    client,
  );
  return error;
}

/**
 * Login and password, throttled: the wait is checked before the password (a waiting source
 * learns nothing), the same argon2 work is done whether or not the login exists, and an unknown
 * login gets the same answers as a wrong password, waits included. Returns the official and
 * the attempt (for the second factor); no session.
 */
export async function checkCredentials(
  deps: Pick<AuthDeps, 'db' | 'attempts'>,
  input: { login: string; password: string },
  client: ClientInfo,
  now: Date,
  origin: SignInOrigin = { address: client.ip ?? 'unknown', device: null },
): Promise<{ official: OfficialCredentials; attempt: SignInAttempt }> {
  const identifier = input.login.trim();
  const found = await findOfficialByLogin(deps.db, identifier);
  const official = found?.isActive ? found : null;
  const { keys, isKnownDevice } = attemptKeysOf(official, identifier, origin);
  const attempt = { official, identifier, keys };
  const wait = signInWait(await deps.attempts.read(keys, now), now.getTime(), isKnownDevice);
  if (wait.waitMs > 0) {
    await recordAuthEvent(
      deps.db,
      'sign_in_blocked',
      { officialId: official?.id ?? null, identifier },
      client,
    );
    throw throttledError(wait.waitMs);
  }
  const isRight = await verifyPassword(official?.passwordHash ?? null, input.password);
  if (!official || !isRight) throw await failure(deps, attempt, client, now, invalid());
  return { official, attempt: { ...attempt, official } };
}

/**
 * Checks the second factor where the official has one: an authenticator code, or one of the
 * recovery codes (a lost phone). A wrong code counts as a failure; a code is accepted at most
 * once (a TOTP step must come after the last one accepted; a recovery code is spent). Returns
 * the recovery codes left when one was spent, so the official can be told to renew them.
 */
async function checkTotp(
  deps: AuthDeps,
  attempt: SignInAttempt & { official: OfficialCredentials },
  input: { totp?: string | undefined; recoveryCode?: string | undefined },
  client: ClientInfo,
  now: Date,
): Promise<number | null> {
  const { official } = attempt;
  if (!official.totpEnabled || !official.totpSecret) {
    if (official.roles.includes('admin')) {
      throw new AppError(
        'TOTP_ENROLLMENT_REQUIRED',
        'administrators must use a second factor: enroll with POST /v1/auth/totp/enroll',
      );
    }
    return null;
  }
  if (!input.totp && input.recoveryCode) {
    const left = await spendRecoveryCode(deps.db, deps.totpKey, official.id, input.recoveryCode);
    if (left === null) {
      throw await failure(
        deps,
        attempt,
        client,
        now,
        new AppError('TOTP_INVALID', 'the recovery code is wrong or already used', [
          { field: 'recoveryCode', reason: 'recovery_code_invalid' },
        ]),
      );
    }
    await recordAuthEvent(deps.db, 'recovery_code_used', { officialId: official.id }, client);
    return left;
  }
  if (!input.totp) {
    throw new AppError('TOTP_REQUIRED', 'a code from the authenticator app is required');
  }
  const secret = decryptTotpSecret(deps.totpKey, official.totpSecret);
  const step = acceptedTotpStep(secret, input.totp, now, official.totpLastStep);
  // The conditional update decides between two requests racing with one code.
  if (step === null || !(await takeTotpStep(deps.db, official.id, step))) {
    throw await failure(
      deps,
      attempt,
      client,
      now,
      new AppError('TOTP_INVALID', 'the authenticator code is wrong, expired or already used'),
    );
  }
  return null;
}

/** The answer to a successful sign-in. */
export interface SignedIn {
  token: string;
  sessionId: string;
  csrfToken: string;
  official: { id: string; fullName: string; roles: string[]; unitId: string };
  mustChangePassword: boolean;
  /** Set when a recovery code was spent: how many are left. */
  recoveryCodesLeft: number | null;
}

/** Signs an official in: password, then TOTP where required, then a new server-side session. */
export async function signIn(
  deps: AuthDeps,
  input: { login: string; password: string; totp?: string; recoveryCode?: string },
  client: ClientInfo,
  now: Date,
  origin: SignInOrigin = { address: client.ip ?? 'unknown', device: null },
): Promise<SignedIn> {
  const { official, attempt } = await checkCredentials(deps, input, client, now, origin);
  const recoveryCodesLeft = await checkTotp(deps, { ...attempt, official }, input, client, now);
  await deps.attempts.succeed(attempt.keys);
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
    recoveryCodesLeft,
  };
}

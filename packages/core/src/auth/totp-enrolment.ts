import QRCode from 'qrcode';
import {
  enableOfficialTotp,
  findOfficialCredentials,
  setOfficialTotpSecret,
  type OfficialCredentials,
} from '@hotline/db';
import { AppError } from '../errors.js';
import { recordAuthEvent } from './auth-events.js';
import { verifyPassword } from './passwords.js';
import { issueRecoveryCodes } from './recovery-codes.js';
import type { AuthDeps } from './sign-in.js';
import type { ClientInfo } from './session-store.js';
import {
  decryptTotpSecret,
  encryptTotpSecret,
  isValidTotp,
  newTotpSecret,
  totpUri,
} from './totp.js';

/**
 * Starts TOTP enrolment: a new secret (kept encrypted, not yet required), its otpauth URI and
 * that URI as an SVG QR code (rendered here so the console carries no QR library).
 * Only while no second factor is enabled, so a stolen password cannot replace one.
 */
export async function enrollTotp(
  deps: Pick<AuthDeps, 'db' | 'totpKey'>,
  official: OfficialCredentials,
  client: ClientInfo,
) {
  if (official.totpEnabled) {
    throw new AppError('CONFLICT', 'a second factor is already enabled for this official');
  }
  const secret = newTotpSecret();
  await setOfficialTotpSecret(deps.db, official.id, encryptTotpSecret(deps.totpKey, secret));
  await recordAuthEvent(deps.db, 'totp_enrolment_started', { officialId: official.id }, client);
  const otpauthUri = totpUri(secret, official.username ?? official.email);
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 2 });
  return {
    secret,
    otpauthUri,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
}

/**
 * Enables TOTP once the official proves the authenticator app shows the right code, and issues
 * the recovery codes (shown this once) in the same transaction.
 */
export async function confirmTotp(
  deps: Pick<AuthDeps, 'db' | 'totpKey'>,
  officialId: string,
  code: string,
  client: ClientInfo,
  now: Date,
) {
  const official = await findOfficialCredentials(deps.db, officialId);
  if (!official) throw new AppError('OFFICIAL_NOT_FOUND', `official ${officialId} not found`);
  if (official.totpEnabled) throw new AppError('CONFLICT', 'the second factor is already enabled');
  if (!official.totpSecret) {
    throw new AppError('CONFLICT', 'start with POST /v1/auth/totp/enroll');
  }
  if (!isValidTotp(decryptTotpSecret(deps.totpKey, official.totpSecret), code, now)) {
    throw new AppError('TOTP_INVALID', 'the authenticator code is wrong or expired');
  }
  return deps.db.transaction(async (tx) => {
    await enableOfficialTotp(tx, officialId);
    const recoveryCodes = await issueRecoveryCodes(tx, deps.totpKey, officialId);
    await recordAuthEvent(tx, 'totp_enabled', { officialId }, client);
    return { recoveryCodes };
  });
}

/**
 * A new set of recovery codes for a signed-in official with a second factor, after the
 * password again (a session left open on a shared desk must not be enough); the old set dies.
 */
export async function renewRecoveryCodes(
  deps: Pick<AuthDeps, 'db' | 'totpKey'>,
  officialId: string,
  password: string,
  client: ClientInfo,
) {
  const official = await findOfficialCredentials(deps.db, officialId);
  if (!official) throw new AppError('OFFICIAL_NOT_FOUND', `official ${officialId} not found`);
  if (!(await verifyPassword(official.passwordHash, password))) {
    throw new AppError('INVALID_CREDENTIALS', 'the password is wrong');
  }
  if (!official.totpEnabled) {
    throw new AppError('CONFLICT', 'recovery codes need a second factor: enrol one first');
  }
  return deps.db.transaction(async (tx) => {
    const recoveryCodes = await issueRecoveryCodes(tx, deps.totpKey, officialId);
    await recordAuthEvent(tx, 'recovery_codes_renewed', { officialId }, client);
    return { recoveryCodes };
  });
}

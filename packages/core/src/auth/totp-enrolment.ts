import QRCode from 'qrcode';
import {
  enableOfficialTotp,
  findOfficialCredentials,
  setOfficialTotpSecret,
  type OfficialCredentials,
} from '@hotline/db';
import { AppError } from '../errors.js';
import { recordAuthEvent } from './auth-events.js';
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

/** Enables TOTP once the official proves the authenticator app shows the right code. */
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
  await enableOfficialTotp(deps.db, officialId);
  await recordAuthEvent(deps.db, 'totp_enabled', { officialId }, client);
}

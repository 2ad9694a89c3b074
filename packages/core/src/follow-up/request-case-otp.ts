import { randomInt, randomUUID } from 'node:crypto';
import { insertNotifications, insertOutbox, type Database } from '@hotline/db';
import { formatTrackingCode } from '@hotline/domain';
import { notificationOutbox } from '../notifications/notification-jobs.js';
import { loadOwnedCase } from './load-owned-case.js';
import { OTP_MAX_TRIES, OTP_TTL_SECONDS, type OtpStore } from './otp-store.js';
import { otpHash } from './prove-case-owner.js';

export interface RequestCaseOtpDeps {
  db: Database;
  otp: OtpStore;
  /** Six random digits (crypto in production). */
  newCode?: () => string;
}

const sixDigits = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * Sends a one-time code to the phone on the case, by SMS through the notifications outbox.
 * The caller learns nothing about the phone: a case without one, or whose code is locked,
 * gets the same answer and no message. Only the code's hash is kept, in the OTP store.
 */
export async function requestCaseOtp(
  deps: RequestCaseOtpDeps,
  rawCode: string,
  now: Date,
): Promise<{ expiresInSeconds: number }> {
  const row = await loadOwnedCase(deps.db, rawCode);
  const answer = { expiresInSeconds: OTP_TTL_SECONDS };
  if (!row.citizenPhone) return answer;
  const current = await deps.otp.get(row.id);
  if (current && current.tries >= OTP_MAX_TRIES) return answer;

  const code = (deps.newCode ?? sixDigits)();
  await deps.otp.put(row.id, otpHash(row.id, code), OTP_TTL_SECONDS);
  const trackingCode = formatTrackingCode(row.trackingCode);
  await deps.db.transaction(async (tx) => {
    const [inserted] = await insertNotifications(tx, [
      {
        caseId: row.id,
        eventVersion: row.version,
        template: 'citizen_otp',
        channel: 'sms',
        // Each code is its own message (the unique key would otherwise absorb a second one).
        recipientKey: `citizen-otp:${randomUUID()}`,
        recipientOfficialId: null,
        address: row.citizenPhone,
        locale: 'vi',
        subject: null,
        body: `Mã xác nhận cho phản ánh ${trackingCode}: ${code}. Hiệu lực ${OTP_TTL_SECONDS / 60} phút. Không chia sẻ mã này.`,
        status: 'pending',
        sentAt: null,
        createdAt: now,
      },
    ]);
    if (inserted) await insertOutbox(tx, [notificationOutbox(inserted.id)]);
  });
  return answer;
}

import { randomInt, randomUUID } from 'node:crypto';
import {
  hasCasesOfPhone,
  insertNotifications,
  insertOutbox,
  listCasesOfPhone,
  type Database,
} from '@hotline/db';
import { formatTrackingCode, normalizeVietnamesePhone, type CaseStatus } from '@hotline/domain';
import { AppError, validationFailed } from '../errors.js';
import { OTP_MAX_TRIES, OTP_TTL_SECONDS, type OtpStore } from '../follow-up/otp-store.js';
import { matchesHash, sha256Hex } from '../follow-up/owner-token.js';
import { notificationOutbox } from '../notifications/notification-jobs.js';

export interface PhoneProofDeps {
  db: Database;
  /** The same store as the cases' codes; a phone's entry never collides with a case's id. */
  otp: OtpStore;
  /** Six random digits (crypto in production). */
  newCode?: () => string;
}

const sixDigits = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** The store's key for a phone: a hash, so no phone number sits in Redis's key space. */
const keyOf = (e164: string) => `phone:${sha256Hex(`phone:${e164}`)}`;
/** The hash a code is stored under: bound to the phone, so it proves nothing else. */
const codeHash = (e164: string, code: string) => sha256Hex(`${keyOf(e164)}:${code}`);

/** A phone as the citizen typed it, in E.164, or a 400 naming the field. */
export function citizenPhoneOf(input: string): string {
  const r = normalizeVietnamesePhone(input);
  if (!r.ok) throw validationFailed([{ field: 'phone', reason: r.reason }]);
  return r.e164;
}

/**
 * Sends a one-time code to a phone number by SMS, so its owner may see the cases filed from it.
 * The answer is the same whether or not the number filed any case (only one that did is sent a
 * code: nobody can use this to message arbitrary numbers), and a locked code sends nothing.
 */
export async function requestPhoneOtp(
  deps: PhoneProofDeps,
  e164: string,
  now: Date,
): Promise<{ expiresInSeconds: number }> {
  const answer = { expiresInSeconds: OTP_TTL_SECONDS };
  const key = keyOf(e164);
  const current = await deps.otp.get(key);
  if (current && current.tries >= OTP_MAX_TRIES) return answer;
  if (!(await hasCasesOfPhone(deps.db, e164))) return answer;
  const code = (deps.newCode ?? sixDigits)();
  await deps.otp.put(key, codeHash(e164, code), OTP_TTL_SECONDS);
  await deps.db.transaction(async (tx) => {
    const [inserted] = await insertNotifications(tx, [
      {
        caseId: null,
        eventVersion: 0,
        template: 'citizen_otp',
        channel: 'sms',
        recipientKey: `citizen-otp:${randomUUID()}`,
        recipientOfficialId: null,
        address: e164,
        locale: 'vi',
        subject: null,
        body: `Mã xác nhận để xem các phản ánh bạn đã gửi: ${code}. Hiệu lực ${OTP_TTL_SECONDS / 60} phút. Không chia sẻ mã này.`,
        status: 'pending',
        sentAt: null,
        createdAt: now,
      },
    ]);
    if (inserted) await insertOutbox(tx, [notificationOutbox(inserted.id)]);
  });
  return answer;
}

const locked = (ttlSeconds: number) =>
  new AppError('OTP_LOCKED', 'too many wrong codes; ask for a new one when this one expires', [
    { field: 'otp', reason: 'otp_locked', params: { retryAfterSeconds: ttlSeconds } },
  ]);

/**
 * Checks the code sent to a phone (the fifth wrong try locks it until it expires, as a case's
 * code does). Resolves when it holds; throws PROOF_INVALID (with the tries left) or OTP_LOCKED.
 */
export async function provePhoneOwner(
  deps: Pick<PhoneProofDeps, 'otp'>,
  e164: string,
  code: string,
): Promise<void> {
  const key = keyOf(e164);
  const entry = await deps.otp.get(key);
  if (entry && entry.tries >= OTP_MAX_TRIES) throw locked(entry.ttlSeconds);
  if (!entry) {
    throw new AppError('PROOF_INVALID', 'no live one-time code for this phone', [
      { field: 'otp', reason: 'proof_invalid' },
    ]);
  }
  if (matchesHash(`${key}:${code}`, entry.hash)) return;
  const { tries, ttlSeconds } = await deps.otp.fail(key);
  if (tries >= OTP_MAX_TRIES) throw locked(ttlSeconds);
  throw new AppError('PROOF_INVALID', 'the one-time code is wrong', [
    { field: 'otp', reason: 'proof_invalid', params: { remainingTries: OTP_MAX_TRIES - tries } },
  ]);
}

/** One of the citizen's cases, as their own list shows it. */
export interface CitizenCase {
  trackingCode: string;
  isDenunciation: boolean;
  status: CaseStatus;
  receivedAt: string;
  categoryName: string;
  /** The resolution deadline in force; null when paused, done, or not set yet. */
  resolutionDueAt: string | null;
  isPaused: boolean;
  isOverdue: boolean;
  /** Answered or ended: no deadline runs any more. */
  isDone: boolean;
}

const DONE: ReadonlySet<CaseStatus> = new Set([
  'resolved',
  'closed',
  'rejected',
  'merged',
  'withdrawn',
]);

/** The cases filed from a proven phone number, newest first (call only after the proof). */
export async function listCitizenCases(
  deps: { db: Database },
  e164: string,
  now: Date,
): Promise<CitizenCase[]> {
  const rows = await listCasesOfPhone(deps.db, e164);
  return rows.map((r) => {
    const isPaused = r.status === 'awaiting_citizen';
    const due = DONE.has(r.status) || isPaused ? null : r.resolutionDueAt;
    return {
      trackingCode: formatTrackingCode(r.trackingCode),
      isDenunciation: r.type === 'denunciation',
      status: r.status,
      receivedAt: r.receivedAt.toISOString(),
      categoryName: r.categoryName,
      resolutionDueAt: due ? due.toISOString() : null,
      isPaused,
      isOverdue: due !== null && due < now,
      isDone: DONE.has(r.status),
    };
  });
}

import { JOBS } from '@hotline/contracts';
import type { NewOutboxMessage } from '@hotline/db';
import {
  receiveCase,
  trackingCodeFromBytes,
  type IntakeContext,
  type IntakeInput,
  type IntakeJob,
  type ReceivedCase,
} from '@hotline/domain';
import { AppError } from '../errors.js';
import { outboxRowOf } from '../outbox-row.js';

type WithoutIdentity<T> = T extends unknown ? Omit<T, 'caseId' | 'trackingCode'> : never;
/** A new case as a channel adapter translated it, before it has an id and a tracking code. */
export type IntakeRequest = WithoutIdentity<IntakeInput>;

export interface TakeInCaseDeps {
  /** Source of randomness for case ids and tracking codes (crypto in production). */
  randomBytes: (size: number) => Uint8Array;
}

/** A store's answer when the drawn tracking code exists already: another is drawn. */
type TrackingCodeTaken = { kind: 'tracking_code_taken' };
const isTaken = (r: { kind: string }): r is TrackingCodeTaken => r.kind === 'tracking_code_taken';

/**
 * Writes a received case, its jobs given as outbox rows, in one statement (and one
 * transaction); the channel's statement may add its own rows (an SMS's claim, its media).
 */
export type StoreReceivedCase<R extends { kind: string }> = (
  received: ReceivedCase,
  jobs: NewOutboxMessage[],
) => Promise<R>;

/** The catalog's job for each job the domain asks for. */
export const outboxRowsOf = (jobs: readonly IntakeJob[]): NewOutboxMessage[] =>
  jobs.map((j) => outboxRowOf(JOBS[j.job](j.caseId)));

// A fresh code collides with probability ~n/1.7e10; a few retries make failure impossible in
// practice, and the unique constraint makes a duplicate impossible in any case.
const TRACKING_CODE_ATTEMPTS = 5;

/**
 * Takes in a new case from any channel: gives it an id and a tracking code, lets the domain
 * receive it (receiveCase: its event, row, report facts, jobs) and has `store` write exactly
 * that. The store's own answer (inserted, a duplicate, a case to join…) is returned with the
 * received case.
 */
export async function takeInCase<R extends { kind: string }>(
  deps: TakeInCaseDeps,
  request: IntakeRequest,
  context: IntakeContext,
  store: StoreReceivedCase<R>,
): Promise<{ received: ReceivedCase; result: Exclude<R, TrackingCodeTaken> }> {
  const caseId = uuidFromBytes(deps.randomBytes(16));
  for (let attempt = 0; attempt < TRACKING_CODE_ATTEMPTS; attempt++) {
    const trackingCode = trackingCodeFromBytes(deps.randomBytes(8));
    const received = receiveCase({ ...request, caseId, trackingCode }, context);
    const result = await store(received, outboxRowsOf(received.jobs));
    if (!isTaken(result)) return { received, result: result as Exclude<R, TrackingCodeTaken> };
  }
  throw new AppError('TRACKING_CODE_EXHAUSTED', 'could not allocate a unique tracking code');
}

/** A random (version 4) UUID from 16 random bytes. */
function uuidFromBytes(b: Uint8Array): string {
  const bytes = Uint8Array.from(b);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

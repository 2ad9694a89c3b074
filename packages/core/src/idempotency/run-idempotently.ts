import { claimIdempotencyKey, saveIdempotentResponse, type RawSql } from '@hotline/db';
import { AppError } from '../errors.js';
import {
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeyHash,
  openResponse,
  requestFingerprint,
  sealResponse,
} from './idempotency-key.js';

/** How long a first answer is replayed (Stripe keeps keys at least 24 hours). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600_000;

/** A create request sent with an `Idempotency-Key`. */
export interface IdempotentRequest {
  /** The route, e.g. `POST /v1/cases`. */
  scope: string;
  /** The key as parsed by `parseIdempotencyKey`. */
  key: string;
  /** Who asks, when someone signed in (an official, an app): keys are theirs alone. */
  principal: string | null;
  /** What must be the same for a retry to be the same request (the parsed body). */
  payload: unknown;
}

/** An answer as the route sends it; what is stored and replayed. */
export interface IdempotentAnswer<Body> {
  statusCode: number;
  body: Body;
  headers?: Record<string, string>;
}

export type IdempotentOutcome<Body> = IdempotentAnswer<Body> & {
  /** True when this is the first request's answer given again. */
  isReplayed: boolean;
};

class StoredMeanwhile extends Error {}

/**
 * Runs a create under an idempotency key, in ONE transaction with the key's record: the first
 * request's answer is stored with what it created, so a request whose answer was lost (a 503
 * after the commit, a dropped connection) is retried safely: the retry gets the same answer and
 * creates nothing. The same key with another payload is a 422; while the first request still
 * runs, a 409. `work` must write through the transaction it is given. Failed requests store
 * nothing (their transaction rolls back), so a retry after one runs again.
 */
export async function runIdempotently<Body>(
  deps: { sql: RawSql },
  request: IdempotentRequest,
  now: Date,
  work: (tx: RawSql) => Promise<IdempotentAnswer<Body>>,
): Promise<IdempotentOutcome<Body>> {
  const keyHash = idempotencyKeyHash(request.key, request.principal);
  const fingerprint = requestFingerprint(request.key, request.payload);
  const liveAfter = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
  const key = { scope: request.scope, keyHash, liveAfter };
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.sql.begin(async (transaction) => {
        // A TransactionSql runs the same tagged statements as the pool it came from.
        const tx = transaction as unknown as RawSql;
        const claim = await claimIdempotencyKey(tx, key);
        if (!claim.isLocked) throw inFlight();
        if (claim.stored) {
          if (claim.stored.fingerprint !== fingerprint) throw reused();
          const answer = openResponse(request.key, request.scope, claim.stored.response) as Omit<
            IdempotentAnswer<Body>,
            'statusCode'
          >;
          return { ...answer, statusCode: claim.stored.statusCode, isReplayed: true };
        }
        const answer = await work(tx);
        const isSaved = await saveIdempotentResponse(tx, {
          ...key,
          fingerprint,
          statusCode: answer.statusCode,
          response: sealResponse(request.key, request.scope, {
            body: answer.body,
            ...(answer.headers ? { headers: answer.headers } : {}),
          }),
          createdAt: now,
        });
        if (!isSaved) throw new StoredMeanwhile();
        return { ...answer, isReplayed: false };
      });
    } catch (err) {
      // Another request under this key committed between this one's snapshot and its lock:
      // everything here rolled back; the next pass reads that request's answer.
      if (err instanceof StoredMeanwhile && attempt === 0) continue;
      throw err;
    }
  }
}

const inFlight = () =>
  new AppError(
    'IDEMPOTENCY_KEY_IN_FLIGHT',
    'a request with this Idempotency-Key is still being processed; retry later',
    [{ field: IDEMPOTENCY_KEY_HEADER, reason: 'request_in_flight' }],
  );

const reused = () =>
  new AppError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different request', [
    { field: IDEMPOTENCY_KEY_HEADER, reason: 'key_reused' },
  ]);

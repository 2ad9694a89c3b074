import { MAX_BATCH_CASES } from '@hotline/contracts';
import type { CaseChangeDeps } from '../change-case.js';
import { findCaseInScope, type Database } from '@hotline/db';
import { formatTrackingCode } from '@hotline/domain';
import { caseScopeFor } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { AppError, validationFailed, type ErrorCode, type FieldProblem } from '../errors.js';
import { actOnCase, type ActedCase, type RequestedAction } from './act-on-case.js';

/** The actions a queue applies to many cases at once. */
export type BatchAction = Extract<RequestedAction, { kind: 'assign' | 'transfer' | 'close' }>;

export type BatchOutcome =
  | { ref: string; outcome: 'done'; acted: ActedCase }
  | {
      ref: string;
      outcome: 'refused';
      /** The case as it is now, when it is in the official's scope: to say why in words. */
      current: { caseId: string; trackingCode: string; status: string } | null;
      code: ErrorCode | 'INTERNAL_ERROR';
      message: string;
      problems: readonly FieldProblem[];
      /** Set when the failure was ours, not a rule: for the caller's log, never its reply. */
      cause?: unknown;
    };

/** The refused case's code and status now, if the official may see it (else nothing). */
async function currentInScope(db: Database, who: ActingOfficial, ref: string) {
  try {
    const row = await findCaseInScope(db, await caseScopeFor(db, who), ref);
    return row
      ? { caseId: row.id, trackingCode: formatTrackingCode(row.trackingCode), status: row.status }
      : null;
  } catch {
    // The reason in words is a nicety: without it the code alone still says why.
    return null;
  }
}

/**
 * The same action on each case in turn, each through actOnCase as if taken alone (its own
 * scope check, decision and transaction): a case refused, or one that fails, leaves the others
 * as they were done. Results come back in the order the cases were named.
 */
export async function actOnCases(
  deps: CaseChangeDeps,
  who: ActingOfficial,
  refs: readonly string[],
  action: BatchAction,
  now: Date,
): Promise<BatchOutcome[]> {
  // A bounded request: a queue page at most, so one request never holds the API for long.
  if (refs.length === 0 || refs.length > MAX_BATCH_CASES) {
    throw validationFailed([
      { field: 'caseIds', reason: 'batch_size', params: { limit: MAX_BATCH_CASES } },
    ]);
  }
  const outcomes: BatchOutcome[] = [];
  for (const ref of refs) {
    try {
      outcomes.push({
        ref,
        outcome: 'done',
        acted: await actOnCase(deps, who, ref, action, undefined, now),
      });
    } catch (err) {
      const current = await currentInScope(deps.db, who, ref);
      outcomes.push(
        err instanceof AppError
          ? {
              ref,
              outcome: 'refused',
              current,
              code: err.code,
              message: err.message,
              problems: err.problems,
            }
          : {
              ref,
              outcome: 'refused',
              current,
              code: 'INTERNAL_ERROR',
              message: 'this case could not be changed now; try it again',
              problems: [],
              cause: err,
            },
      );
    }
  }
  return outcomes;
}

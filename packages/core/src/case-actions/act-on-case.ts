import {
  findActiveUnitIdByCode,
  findCaseInScope,
  findOfficialStanding,
  findStoredProjection,
  lockCase,
  unitNeedsResolutionApproval,
  type Database,
  type Tx,
} from '@hotline/db';
import { formatTrackingCode, parseIsoDuration, type CaseState } from '@hotline/domain';
import { caseScopeFor, principalInScope, requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { changeCase, type CaseChangeDeps, type ChangedCase } from '../change-case.js';
import { AppError, validationFailed } from '../errors.js';
import { transferCase } from '../transfer-case.js';
import { changeOfAction, type CaseAction } from './case-action.js';

/** The case as it is now, sent back with a version conflict so the client can refresh. */
export interface CurrentCase {
  status: CaseState['status'];
  version: number;
  assigneeId: string | null;
  unitId: string | null;
}

/** The case moved on since the client read it (optimistic concurrency). */
export class VersionConflictError extends AppError {
  constructor(
    readonly current: CurrentCase,
    expected: number,
  ) {
    super(
      'VERSION_CONFLICT',
      `the case is at version ${current.version}, not ${expected}: reload it and try again`,
    );
  }
}

const currentOf = (s: CaseState): CurrentCase => ({
  status: s.status,
  version: s.version,
  assigneeId: s.assigneeId,
  unitId: s.unitId,
});

function checkVersion(state: CaseState, expected: number | undefined) {
  if (expected !== undefined && state.version !== expected) {
    throw new VersionConflictError(currentOf(state), expected);
  }
}

/** An action named by the client, before its references are resolved. */
export type RequestedAction =
  | Exclude<CaseAction, { kind: 'transfer' } | { kind: 'merge' }>
  | { kind: 'transfer'; toUnitCode: string; reason: string }
  | { kind: 'merge'; into: string };

export interface ActedCase extends ChangedCase {
  caseId: string;
  trackingCode: string;
}

/**
 * An official acts on a case by id or tracking code: out of their scope it does not exist
 * (CASE_NOT_FOUND); the domain decides the rest on the locked state, where `expectedVersion`
 * (when given) is compared too, so of two conflicting requests exactly one wins.
 */
export async function actOnCase(
  deps: CaseChangeDeps,
  who: ActingOfficial,
  ref: string,
  requested: RequestedAction,
  expectedVersion: number | undefined,
  now: Date,
): Promise<ActedCase> {
  requireAccess(who, 'case.change');
  const scope = await caseScopeFor(deps.db, who);
  const row = await findCaseInScope(deps.db, scope, ref);
  if (!row) throw new AppError('CASE_NOT_FOUND', 'no such case in your scope');
  const principal = principalInScope(who, scope);
  const done = (changed: ChangedCase): ActedCase => ({
    ...changed,
    caseId: row.id,
    trackingCode: formatTrackingCode(row.trackingCode),
  });

  if (requested.kind === 'transfer') {
    const toUnitId = await findActiveUnitIdByCode(deps.db, requested.toUnitCode);
    if (!toUnitId) throw validationFailed([{ field: 'toUnitCode', reason: 'unknown_unit' }]);
    return done(
      await withVersionChecked(deps.db, row.id, expectedVersion, (tx) =>
        transferCase({ ...deps, db: tx }, row.id, toUnitId, requested.reason, principal, now),
      ),
    );
  }
  let action: CaseAction;
  if (requested.kind === 'merge') {
    const target = await findCaseInScope(deps.db, scope, requested.into);
    if (!target) throw validationFailed([{ field: 'into', reason: 'unknown_case' }]);
    if (target.id === row.id) throw validationFailed([{ field: 'into', reason: 'same_case' }]);
    if (['merged', 'rejected', 'withdrawn'].includes(target.status)) {
      throw new AppError('RULE_VIOLATION', `cannot merge into a case that is ${target.status}`, [
        { field: 'into', reason: 'merge_target_closed', params: { status: target.status } },
      ]);
    }
    action = { kind: 'merge', intoCaseId: target.id };
  } else {
    action = requested;
  }
  if (action.kind === 'request-extension' || action.kind === 'grant-extension') {
    if (action.duration !== undefined && !parseIsoDuration(action.duration)) {
      throw validationFailed([{ field: 'duration', reason: 'invalid_duration' }]);
    }
  }
  const chosen = action;
  return done(
    await changeCase(
      deps,
      row.id,
      async (state, _current, tx) => {
        checkVersion(state, expectedVersion);
        if (chosen.kind === 'assign') await checkAssignee(tx, state, chosen.assigneeId);
        // The unit's rule is a fact the domain decides with; only resolving needs it.
        const needsApproval =
          chosen.kind === 'resolve' && (await unitNeedsResolutionApproval(tx, state.unitId));
        return {
          change: changeOfAction(chosen, state, { needsApproval, roles: who.principal.roles }),
          as: principal,
          facts: { resolutionNeedsApproval: needsApproval },
        };
      },
      principal,
      now,
    ),
  );
}

/** Only an active official of the case's unit can be given the case. */
async function checkAssignee(tx: Tx, state: CaseState, assigneeId: string) {
  const standing = await findOfficialStanding(tx, assigneeId);
  if (!standing?.isActive) {
    throw validationFailed([{ field: 'assigneeId', reason: 'unknown_assignee' }]);
  }
  if (standing.unitId !== state.unitId) {
    throw new AppError('RULE_VIOLATION', 'the official does not belong to the unit of the case', [
      { field: 'assigneeId', reason: 'official_not_in_unit' },
    ]);
  }
}

/**
 * transferCase decides on its own locked read; the version is checked under the same lock by
 * running it inside a transaction that holds the row first (its own becomes a savepoint).
 */
async function withVersionChecked<T>(
  db: Database,
  caseId: string,
  expectedVersion: number | undefined,
  run: (tx: Database) => Promise<T>,
): Promise<T> {
  if (expectedVersion === undefined) return run(db);
  return db.transaction(async (tx) => {
    const locked = await lockCase(tx, caseId);
    if (!locked) throw new AppError('CASE_NOT_FOUND', 'no such case in your scope');
    if (locked.version !== expectedVersion) {
      const stored = await findStoredProjection(tx, caseId);
      throw new VersionConflictError(currentOf(stored!), expectedVersion);
    }
    // A drizzle transaction offers the same query API; its nested transaction is a savepoint.
    return run(tx);
  });
}

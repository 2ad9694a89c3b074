import type { UnitMergeResult } from '@hotline/contracts';
import {
  listOpenCaseIdsOfUnit,
  listUnitRows,
  lockUnitRows,
  moveHotlinesToUnit,
  moveOfficialsToUnit,
  reparentChildUnits,
  retargetRoutingRules,
  moveReplyTemplatesToUnit,
  updateUnitRow,
  type Database,
} from '@hotline/db';
import type { Principal } from '@hotline/domain';
import { changeCases } from '../change-case.js';
import { AppError, validationFailed } from '../errors.js';
import { audit, type AdminActor, type AdminDeps } from './admin-context.js';
import { unitOrNotFound } from './manage-units.js';
import { indexUnits, isSelfOrDescendant, toUnitView } from './unit-view.js';

/** Open cases are moved this many per batch of changeCases. */
const CASE_BATCH = 200;

const principalOf = (by: AdminActor): Principal =>
  by
    ? { kind: 'official', officialId: by, roles: ['admin'] }
    : { kind: 'system', process: 'admin:merge' };

/**
 * Merges unit `fromCode` into `intoCode` (the 2025 reform): in one transaction its officials,
 * hotlines, routing rules and child units move to the other unit, its open cases follow with
 * their deadlines and history (one `unit_merged` event each, not a transfer), and it becomes
 * inactive with `merged_into_id`. Closed cases stay with it, so reports keep its past.
 */
export async function mergeUnits(
  deps: AdminDeps,
  fromCode: string,
  intoCode: string,
  by: AdminActor,
  now: Date,
): Promise<UnitMergeResult> {
  if (fromCode === intoCode) {
    throw validationFailed([{ field: 'into', reason: 'same_unit' }]);
  }
  return deps.db.transaction(async (tx) => {
    const from = await unitOrNotFound(tx, fromCode);
    const into = await unitOrNotFound(tx, intoCode);
    await lockUnitRows(tx, [from.id, into.id]);
    const units = indexUnits(await listUnitRows(tx));
    const refuse = (why: string) => new AppError('CONFLICT', why, [{ field: 'into', reason: why }]);
    if (!from.isActive) throw refuse(`${fromCode} is no longer active`);
    if (!into.isActive) throw refuse(`${intoCode} is not active`);
    if (from.isTriage)
      throw refuse(`${fromCode} is the triage unit; make another unit triage first`);
    if (isSelfOrDescendant(units, from.id, into.id)) {
      throw refuse(`${intoCode} lies below ${fromCode}: a unit cannot merge into its own part`);
    }
    const before = { from: toUnitView(from, units), into: toUnitView(into, units) };

    const movedOfficials = await moveOfficialsToUnit(tx, from.id, into.id);
    const movedHotlines = await moveHotlinesToUnit(tx, from.id, into.id);
    const retargeted = await retargetRoutingRules(tx, from.id, into.id);
    const reparentedUnits = await reparentChildUnits(tx, from.id, into.id);
    // Its officials keep their prepared answers in the unit they now belong to.
    await moveReplyTemplatesToUnit(tx, from.id, into.id);
    const merged = await updateUnitRow(tx, from.id, {
      isActive: false,
      mergedIntoId: into.id,
    });

    // The savepoints changeCases opens sit inside this transaction: all of it, or nothing.
    const caseDeps = { db: tx as unknown as Database };
    const principal = principalOf(by);
    const caseIds = await listOpenCaseIdsOfUnit(tx, from.id);
    for (let i = 0; i < caseIds.length; i += CASE_BATCH) {
      const outcomes = await changeCases(
        caseDeps,
        caseIds.slice(i, i + CASE_BATCH).map((caseId) => ({
          caseId,
          principal,
          request: (state) =>
            state.unitId === from.id
              ? { type: 'unit_merged', fromUnitId: from.id, toUnitId: into.id }
              : null,
        })),
        now,
      );
      const failed = outcomes.find((o) => !o.ok);
      if (failed && !failed.ok) throw failed.error;
    }

    const after = indexUnits(await listUnitRows(tx));
    const result: UnitMergeResult = {
      from: toUnitView(merged, after),
      into: toUnitView(after.get(into.id)!, after),
      movedOfficials,
      movedHotlines,
      retargetedRules: retargeted.length,
      reparentedUnits,
      movedCases: caseIds.length,
    };
    await audit(tx, by, 'unit.merge', 'unit', from.id, before, result);
    return result;
  });
}

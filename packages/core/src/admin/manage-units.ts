import type {
  UnitCreateBody,
  UnitListQuery,
  UnitPatchBody,
  UnitTree,
  UnitView,
} from '@hotline/contracts';
import {
  calendarExists,
  countActiveOfficialsOfUnit,
  countOpenCasesOfUnit,
  findTriageUnitRow,
  findUnitRowByCode,
  insertUnitRow,
  listUnitRows,
  updateUnitRow,
  type Executor,
  type UnitInsert,
  type UnitRow,
} from '@hotline/db';
import { AppError, validationFailed } from '../errors.js';
import {
  audit,
  definedOnly,
  englishName,
  uniquely,
  type AdminActor,
  type AdminDeps,
} from './admin-context.js';
import { indexUnits, isSelfOrDescendant, toUnitTree, toUnitView } from './unit-view.js';

const ENTITY = 'unit';

/** The unit by code, or a 404. */
export async function unitOrNotFound(db: Executor, code: string): Promise<UnitRow> {
  const row = await findUnitRowByCode(db, code);
  if (!row) throw new AppError('UNIT_NOT_FOUND', `no unit ${code}`);
  return row;
}

async function viewOf(db: Executor, row: UnitRow): Promise<UnitView> {
  return toUnitView(row, indexUnits(await listUnitRows(db)));
}

/** Every unit as a tree (active ones unless asked otherwise). */
export async function listUnitTree(deps: AdminDeps, query: UnitListQuery): Promise<UnitTree> {
  const rows = await listUnitRows(deps.db);
  const shown = query.includeInactive ? rows : rows.filter((r) => r.isActive);
  return { units: toUnitTree(shown, indexUnits(rows)) };
}

/** Checks the parent, calendar and triage flag a unit would get; returns the parent's id. */
async function checkPlacement(
  db: Executor,
  unit: UnitRow | null,
  body: { parentCode?: string | null; calendarId?: string | null; isTriage?: boolean },
): Promise<string | null | undefined> {
  let parentId: string | null | undefined;
  if (body.parentCode === null) parentId = null;
  else if (body.parentCode !== undefined) {
    const parent = await findUnitRowByCode(db, body.parentCode);
    if (!parent) throw validationFailed([{ field: 'parentCode', reason: 'unknown_unit' }]);
    if (!parent.isActive)
      throw validationFailed([{ field: 'parentCode', reason: 'inactive_unit' }]);
    if (unit && isSelfOrDescendant(indexUnits(await listUnitRows(db)), unit.id, parent.id)) {
      throw new AppError(
        'CONFLICT',
        `${body.parentCode} is ${unit.code} or lies below it: the tree would have a cycle`,
        [{ field: 'parentCode', reason: 'cycle' }],
      );
    }
    parentId = parent.id;
  }
  if (body.calendarId && !(await calendarExists(db, body.calendarId))) {
    throw validationFailed([{ field: 'calendarId', reason: 'unknown_calendar' }]);
  }
  if (body.isTriage) {
    const triage = await findTriageUnitRow(db);
    if (triage && triage.id !== unit?.id) {
      throw new AppError(
        'CONFLICT',
        `${triage.code} is already the triage unit; there is at most one`,
        [{ field: 'isTriage', reason: 'triage_taken' }],
      );
    }
  }
  return parentId;
}

/** A new unit. */
export async function createUnit(
  deps: AdminDeps,
  body: UnitCreateBody,
  by: AdminActor,
): Promise<UnitView> {
  return deps.db.transaction(async (tx) => {
    if (await findUnitRowByCode(tx, body.code)) {
      throw new AppError('CONFLICT', `a unit with code ${body.code} exists`, [
        { field: 'code', reason: 'taken' },
      ]);
    }
    const parentId = await checkPlacement(tx, null, body);
    const row = await uniquely(
      () =>
        insertUnitRow(tx, {
          code: body.code,
          name: body.name,
          nameEn: englishName(body.nameEn),
          kind: body.kind,
          parentId: parentId ?? null,
          calendarId: body.calendarId ?? null,
          isTriage: body.isTriage ?? false,
          resolutionNeedsApproval: body.resolutionNeedsApproval ?? false,
          isDrill: body.isDrill ?? false,
        }),
      `a unit with code ${body.code} exists, or another unit is the triage unit`,
    );
    const view = await viewOf(tx, row);
    await audit(tx, by, 'unit.create', ENTITY, row.id, null, view);
    return view;
  });
}

/** Changes a unit's name, kind, parent, calendar or flags. */
export async function updateUnit(
  deps: AdminDeps,
  code: string,
  body: UnitPatchBody,
  by: AdminActor,
): Promise<UnitView> {
  return deps.db.transaction(async (tx) => {
    const unit = await unitOrNotFound(tx, code);
    if (!unit.isActive) {
      throw new AppError('CONFLICT', `${code} is no longer active`);
    }
    const before = await viewOf(tx, unit);
    const parentId = await checkPlacement(tx, unit, body);
    const patch: Partial<UnitInsert> = definedOnly({
      name: body.name,
      nameEn: body.nameEn === undefined ? undefined : englishName(body.nameEn),
      kind: body.kind,
      parentId,
      calendarId: body.calendarId,
      isTriage: body.isTriage,
      resolutionNeedsApproval: body.resolutionNeedsApproval,
      isDrill: body.isDrill,
    });
    const row = await uniquely(
      () => updateUnitRow(tx, unit.id, patch),
      'another unit is the triage unit',
    );
    const after = await viewOf(tx, row);
    await audit(tx, by, 'unit.update', ENTITY, unit.id, before, after);
    return after;
  });
}

/**
 * Deactivates a unit that holds nothing: no open cases, no active officials, no active units
 * below it. A unit that still does is merged instead.
 */
export async function deactivateUnit(
  deps: AdminDeps,
  code: string,
  by: AdminActor,
): Promise<UnitView> {
  return deps.db.transaction(async (tx) => {
    const unit = await unitOrNotFound(tx, code);
    const before = await viewOf(tx, unit);
    if (!unit.isActive) return before;
    if (unit.isTriage) {
      throw new AppError('CONFLICT', `${code} is the triage unit; make another unit triage first`);
    }
    const [openCases, activeOfficials] = await Promise.all([
      countOpenCasesOfUnit(tx, unit.id),
      countActiveOfficialsOfUnit(tx, unit.id),
    ]);
    const activeChildren = (await listUnitRows(tx)).filter(
      (r) => r.parentId === unit.id && r.isActive,
    ).length;
    const reasons = [
      openCases > 0 ? `${openCases} open case(s)` : null,
      activeOfficials > 0 ? `${activeOfficials} active official(s)` : null,
      activeChildren > 0 ? `${activeChildren} active unit(s) below it` : null,
    ].filter((r) => r !== null);
    if (reasons.length > 0) {
      throw new AppError(
        'CONFLICT',
        `${code} still has ${reasons.join(', ')}: merge it into another unit instead`,
      );
    }
    const after = await viewOf(tx, await updateUnitRow(tx, unit.id, { isActive: false }));
    await audit(tx, by, 'unit.deactivate', ENTITY, unit.id, before, after);
    return after;
  });
}

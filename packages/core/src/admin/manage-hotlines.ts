import type {
  HotlineCreateBody,
  HotlineList,
  HotlinePatchBody,
  HotlineView,
} from '@hotline/contracts';
import {
  findHotlineRow,
  findHotlineRowByNumber,
  findOfficialRow,
  findUnitRowByCode,
  insertHotlineRow,
  listHotlineRows,
  listUnitRows,
  updateHotlineRow,
  type Executor,
  type HotlineInsert,
  type HotlineRow,
} from '@hotline/db';
import { normalizeVietnamesePhone } from '@hotline/domain';
import { officialMay } from '../access.js';
import { AppError, validationFailed } from '../errors.js';
import {
  audit,
  definedOnly,
  englishName,
  uniquely,
  type AdminActor,
  type AdminDeps,
} from './admin-context.js';

const ENTITY = 'hotline';

async function viewsOf(db: Executor, rows: readonly HotlineRow[]): Promise<HotlineView[]> {
  const codes = new Map((await listUnitRows(db)).map((u) => [u.id, u.code]));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    displayNumber: r.displayNumber,
    name: r.name,
    nameEn: r.nameEn,
    ownerOfficialId: r.ownerOfficialId,
    unitCode: codes.get(r.unitId) ?? '',
    isActive: r.isActive,
    isDrill: r.isDrill,
  }));
}
const viewOf = async (db: Executor, row: HotlineRow) => (await viewsOf(db, [row]))[0]!;

/** The number in E.164, unused by another hotline. */
async function numberOf(db: Executor, input: string, self: string | null): Promise<string> {
  const normalised = normalizeVietnamesePhone(input);
  if (!normalised.ok) throw validationFailed([{ field: 'number', reason: normalised.reason }]);
  const other = await findHotlineRowByNumber(db, normalised.e164);
  if (other && other.id !== self) {
    throw new AppError('CONFLICT', `the number ${normalised.e164} is already a hotline`, [
      { field: 'number', reason: 'taken' },
    ]);
  }
  return normalised.e164;
}

/** The owner must be an active official holding hotline_owner or unit_leader. */
async function ownerOf(db: Executor, id: string): Promise<string> {
  const owner = await findOfficialRow(db, id);
  const field = 'ownerOfficialId';
  if (!owner) throw validationFailed([{ field, reason: 'unknown_official' }]);
  if (!owner.isActive) throw validationFailed([{ field, reason: 'inactive_official' }]);
  if (!officialMay(owner, 'hotline.own')) {
    throw validationFailed([{ field, reason: 'not_hotline_owner' }]);
  }
  return owner.id;
}

async function unitOf(db: Executor, code: string): Promise<string> {
  const unit = await findUnitRowByCode(db, code);
  if (!unit) throw validationFailed([{ field: 'unitCode', reason: 'unknown_unit' }]);
  if (!unit.isActive) throw validationFailed([{ field: 'unitCode', reason: 'inactive_unit' }]);
  return unit.id;
}

/** Every hotline number. */
export async function listHotlines(deps: AdminDeps): Promise<HotlineList> {
  return { hotlines: await viewsOf(deps.db, await listHotlineRows(deps.db)) };
}

/** A new published number, with its owner and unit. */
export async function createHotline(
  deps: AdminDeps,
  body: HotlineCreateBody,
  by: AdminActor,
): Promise<HotlineView> {
  return deps.db.transaction(async (tx) => {
    const number = await numberOf(tx, body.number, null);
    const values: HotlineInsert = {
      number,
      displayNumber: body.displayNumber ?? body.number.trim(),
      name: body.name.trim(),
      nameEn: englishName(body.nameEn),
      ownerOfficialId: await ownerOf(tx, body.ownerOfficialId),
      unitId: await unitOf(tx, body.unitCode),
      isDrill: body.isDrill ?? false,
    };
    const row = await uniquely(
      () => insertHotlineRow(tx, values),
      `the number ${number} is already a hotline`,
    );
    const view = await viewOf(tx, row);
    await audit(tx, by, 'hotline.create', ENTITY, row.id, null, view);
    return view;
  });
}

/** Changes a hotline's number, owner, unit, names or active flag. */
export async function updateHotline(
  deps: AdminDeps,
  hotlineId: string,
  body: HotlinePatchBody,
  by: AdminActor,
): Promise<HotlineView> {
  return deps.db.transaction(async (tx) => {
    const hotline = await findHotlineRow(tx, hotlineId);
    if (!hotline) throw new AppError('HOTLINE_NOT_FOUND', `no hotline ${hotlineId}`);
    const before = await viewOf(tx, hotline);
    const patch: Partial<HotlineInsert> = definedOnly({
      number: body.number ? await numberOf(tx, body.number, hotline.id) : undefined,
      displayNumber: body.displayNumber,
      name: body.name?.trim(),
      nameEn: body.nameEn === undefined ? undefined : englishName(body.nameEn),
      // A reactivated hotline needs an owner who may still own it.
      ownerOfficialId:
        body.ownerOfficialId || body.isActive
          ? await ownerOf(tx, body.ownerOfficialId ?? hotline.ownerOfficialId)
          : undefined,
      unitId: body.unitCode ? await unitOf(tx, body.unitCode) : undefined,
      isActive: body.isActive,
      isDrill: body.isDrill,
    });
    const row = await uniquely(
      () => updateHotlineRow(tx, hotline.id, patch),
      'the number is already a hotline',
    );
    const after = await viewOf(tx, row);
    await audit(tx, by, 'hotline.update', ENTITY, hotline.id, before, after);
    return after;
  });
}

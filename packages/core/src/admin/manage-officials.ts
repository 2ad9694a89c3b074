import type {
  AdminOfficialList,
  AdminOfficialView,
  OfficialCreateBody,
  OfficialListQuery,
  OfficialPatchBody,
} from '@hotline/contracts';
import {
  findOfficialRow,
  findOfficialRowByEmail,
  findUnitRowByCode,
  insertOfficialRow,
  listHotlineRows,
  listOfficialRows,
  listUnitRows,
  updateOfficialRow,
  type Executor,
  type OfficialInsert,
  type OfficialRow,
} from '@hotline/db';
import { normalizeVietnamesePhone } from '@hotline/domain';
import { officialMay } from '../access.js';
import { AppError, validationFailed } from '../errors.js';
import { audit, definedOnly, uniquely, type AdminActor, type AdminDeps } from './admin-context.js';

const ENTITY = 'official';

// Never the password hash or the TOTP secret: this is what lists and the audit show.
async function viewsOf(db: Executor, rows: readonly OfficialRow[]): Promise<AdminOfficialView[]> {
  const codes = new Map((await listUnitRows(db)).map((u) => [u.id, u.code]));
  return rows.map((r) => ({
    id: r.id,
    unitCode: codes.get(r.unitId) ?? '',
    fullName: r.fullName,
    email: r.email,
    username: r.username,
    phone: r.phone,
    title: r.title,
    roles: r.roles,
    isActive: r.isActive,
    isAbsent: r.isAbsent,
  }));
}
const viewOf = async (db: Executor, row: OfficialRow) => (await viewsOf(db, [row]))[0]!;

async function activeUnitId(db: Executor, code: string, field: string): Promise<string> {
  const unit = await findUnitRowByCode(db, code);
  if (!unit) throw validationFailed([{ field, reason: 'unknown_unit' }]);
  if (!unit.isActive) throw validationFailed([{ field, reason: 'inactive_unit' }]);
  return unit.id;
}

function phoneOf(phone: string | null | undefined): string | null | undefined {
  if (phone === null || phone === undefined) return phone;
  const normalised = normalizeVietnamesePhone(phone);
  if (!normalised.ok) throw validationFailed([{ field: 'phone', reason: normalised.reason }]);
  return normalised.e164;
}

async function checkEmailFree(db: Executor, email: string, self: string | null) {
  const other = await findOfficialRowByEmail(db, email);
  if (other && other.id !== self) {
    throw new AppError('CONFLICT', `another official has the e-mail ${email}`, [
      { field: 'email', reason: 'taken' },
    ]);
  }
}

/** Officials, filtered by unit, role and whether they are active. */
export async function listOfficials(
  deps: AdminDeps,
  query: OfficialListQuery,
): Promise<AdminOfficialList> {
  const unitId = query.unit ? (await findUnitRowByCode(deps.db, query.unit))?.id : undefined;
  if (query.unit && !unitId) throw validationFailed([{ field: 'unit', reason: 'unknown_unit' }]);
  const rows = await listOfficialRows(deps.db, {
    ...(unitId ? { unitId } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.active !== undefined ? { isActive: query.active } : {}),
  });
  return { officials: await viewsOf(deps.db, rows) };
}

/** A new official (no password yet: an administrator resets it to give a first one). */
export async function createOfficial(
  deps: AdminDeps,
  body: OfficialCreateBody,
  by: AdminActor,
): Promise<AdminOfficialView> {
  return deps.db.transaction(async (tx) => {
    const email = body.email.trim().toLowerCase();
    const unitId = await activeUnitId(tx, body.unitCode, 'unitCode');
    const phone = phoneOf(body.phone);
    await checkEmailFree(tx, email, null);
    const row = await uniquely(
      () =>
        insertOfficialRow(tx, {
          unitId,
          fullName: body.fullName.trim(),
          email,
          username: body.username ?? null,
          phone: phone ?? null,
          title: body.title ?? '',
          roles: body.roles,
        }),
      'the e-mail or username belongs to another official',
    );
    const view = await viewOf(tx, row);
    await audit(tx, by, 'official.create', ENTITY, row.id, null, view);
    return view;
  });
}

/**
 * An official who owns an active hotline must stay active and keep a role that may own one;
 * move the hotline to another owner first.
 */
async function checkStillOwner(db: Executor, official: OfficialRow, next: OfficialRow) {
  const canOwn = next.isActive && officialMay(next, 'hotline.own');
  if (canOwn) return;
  const owned = (await listHotlineRows(db)).filter(
    (h) => h.isActive && h.ownerOfficialId === official.id,
  );
  if (owned.length > 0) {
    throw new AppError(
      'CONFLICT',
      `the official owns the hotline ${owned[0]!.number}: give it another owner first`,
    );
  }
}

/** Changes an official's unit, roles, title, phone, name, e-mail, or active/absent flags. */
export async function updateOfficial(
  deps: AdminDeps,
  officialId: string,
  body: OfficialPatchBody,
  by: AdminActor,
): Promise<AdminOfficialView> {
  return deps.db.transaction(async (tx) => {
    const official = await findOfficialRow(tx, officialId);
    if (!official) throw new AppError('OFFICIAL_NOT_FOUND', `no official ${officialId}`);
    const before = await viewOf(tx, official);
    const email = body.email?.trim().toLowerCase();
    if (email) await checkEmailFree(tx, email, official.id);
    const patch: Partial<OfficialInsert> = definedOnly({
      unitId: body.unitCode ? await activeUnitId(tx, body.unitCode, 'unitCode') : undefined,
      fullName: body.fullName?.trim(),
      email,
      phone: phoneOf(body.phone),
      title: body.title,
      roles: body.roles,
      isActive: body.isActive,
      isAbsent: body.isAbsent,
    });
    await checkStillOwner(tx, official, { ...official, ...patch });
    const row = await uniquely(
      () => updateOfficialRow(tx, official.id, patch),
      'the e-mail belongs to another official',
    );
    const after = await viewOf(tx, row);
    const action = body.roles ? 'official.roles' : 'official.update';
    await audit(tx, by, action, ENTITY, official.id, before, after);
    return after;
  });
}

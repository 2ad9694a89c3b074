import type {
  ReplyTemplateCreateBody,
  ReplyTemplateList,
  ReplyTemplatePatchBody,
  ReplyTemplateView,
} from '@hotline/contracts';
import {
  deleteReplyTemplateRow,
  findCategoryRowByCode,
  findReplyTemplateRow,
  findUnitRowByCode,
  insertReplyTemplateRow,
  listReplyTemplateRows,
  updateReplyTemplateRow,
  type Database,
  type Executor,
  type ReplyTemplateListRow,
} from '@hotline/db';
import { TEMPLATE_PLACEHOLDERS, unknownPlaceholdersOf } from '@hotline/domain';
import { audit } from '../admin/admin-context.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { AppError, validationFailed } from '../errors.js';
import { requireAccess, templateUnitsFor } from '../access.js';

const ENTITY = 'reply_template';

const toView = (r: ReplyTemplateListRow): ReplyTemplateView => ({
  id: r.id,
  purpose: r.purpose as ReplyTemplateView['purpose'],
  title: r.title,
  body: r.body,
  unit: r.unitCode ? { code: r.unitCode, name: r.unitName ?? r.unitCode } : null,
  category: r.categoryCode
    ? { code: r.categoryCode, name: r.categoryName ?? r.categoryCode }
    : null,
  isActive: r.isActive,
  updatedAt: r.updatedAt.toISOString(),
});

/** A template may use only the placeholders we fill: a typo is caught when it is saved. */
function checkPlaceholders(body: string | undefined) {
  if (body === undefined) return;
  const unknown = unknownPlaceholdersOf(body);
  if (unknown.length > 0) {
    throw validationFailed([
      {
        field: 'body',
        reason: 'unknown_placeholder',
        params: { names: unknown.map((n) => `{${n}}`).join(', ') },
      },
    ]);
  }
}

async function categoryIdOf(db: Executor, code: string | null | undefined) {
  if (code === undefined || code === null) return code;
  const row = await findCategoryRowByCode(db, code);
  if (!row) throw validationFailed([{ field: 'categoryCode', reason: 'unknown_category' }]);
  return row.id;
}

async function templateToManage(db: Executor, who: ActingOfficial, id: string) {
  const row = await findReplyTemplateRow(db, id);
  // A template of a unit the official does not manage does not exist for them.
  const managed = templateUnitsFor(who);
  if (!row || (managed !== 'all' && (row.unitId === null || !managed.includes(row.unitId)))) {
    throw new AppError('TEMPLATE_NOT_FOUND', 'no such reply template among those you manage');
  }
  return row;
}

/** The templates the official manages, and the placeholders a template may use. */
export async function listReplyTemplates(
  deps: { db: Database },
  who: ActingOfficial,
): Promise<ReplyTemplateList> {
  const managed = templateUnitsFor(who);
  const rows = await listReplyTemplateRows(deps.db, managed === 'all' ? null : managed);
  return { templates: rows.map(toView), placeholders: [...TEMPLATE_PLACEHOLDERS] };
}

/** A new template, for the leader's own unit or, by an administrator, any unit or all. */
export async function createReplyTemplate(
  deps: { db: Database },
  who: ActingOfficial,
  body: ReplyTemplateCreateBody,
): Promise<ReplyTemplateView> {
  requireAccess(who, 'templates.manage');
  checkPlaceholders(body.body);
  return deps.db.transaction(async (tx) => {
    let unitId: string | null = who.unitId;
    if (body.unitCode === null) unitId = null;
    else if (body.unitCode !== undefined) {
      const unit = await findUnitRowByCode(tx, body.unitCode);
      if (!unit) throw validationFailed([{ field: 'unitCode', reason: 'unknown_unit' }]);
      unitId = unit.id;
    }
    requireAccess(who, 'templates.manage', [{ unitId }]);
    const id = await insertReplyTemplateRow(tx, {
      unitId,
      categoryId: (await categoryIdOf(tx, body.categoryCode)) ?? null,
      purpose: body.purpose,
      title: body.title.trim(),
      body: body.body,
      createdBy: who.principal.officialId,
    });
    const view = toView((await findReplyTemplateRow(tx, id))!);
    await audit(tx, who.principal.officialId, 'reply_template.create', ENTITY, id, null, view);
    return view;
  });
}

/** Changes a template the official manages (its unit stays). */
export async function updateReplyTemplate(
  deps: { db: Database },
  who: ActingOfficial,
  id: string,
  body: ReplyTemplatePatchBody,
): Promise<ReplyTemplateView> {
  checkPlaceholders(body.body);
  return deps.db.transaction(async (tx) => {
    const before = await templateToManage(tx, who, id);
    const categoryId = await categoryIdOf(tx, body.categoryCode);
    await updateReplyTemplateRow(tx, id, {
      ...(body.purpose !== undefined ? { purpose: body.purpose } : {}),
      ...(body.title !== undefined ? { title: body.title.trim() } : {}),
      ...(body.body !== undefined ? { body: body.body } : {}),
      ...(categoryId !== undefined ? { categoryId } : {}),
      ...(body.isActive !== undefined ? { isActive: body.isActive } : {}),
    });
    const after = toView((await findReplyTemplateRow(tx, id))!);
    await audit(
      tx,
      who.principal.officialId,
      'reply_template.update',
      ENTITY,
      id,
      toView(before),
      after,
    );
    return after;
  });
}

/** Removes a template the official manages; the audit keeps its text. */
export async function deleteReplyTemplate(
  deps: { db: Database },
  who: ActingOfficial,
  id: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const before = await templateToManage(tx, who, id);
    await deleteReplyTemplateRow(tx, id);
    await audit(
      tx,
      who.principal.officialId,
      'reply_template.delete',
      ENTITY,
      id,
      toView(before),
      null,
    );
  });
}

import type {
  AdminCategoryList,
  AdminCategoryView,
  CategoryCreateBody,
  CategoryPatchBody,
} from '@hotline/contracts';
import {
  findCategoryRowByCode,
  insertCategoryRow,
  listCategoryRows,
  updateCategoryRow,
  type CategoryInsert,
  type CategoryRow,
  type Executor,
} from '@hotline/db';
import { AppError } from '../errors.js';
import {
  audit,
  definedOnly,
  englishName,
  uniquely,
  type AdminActor,
  type AdminDeps,
} from './admin-context.js';

const ENTITY = 'category';

const toView = (r: CategoryRow): AdminCategoryView => ({
  id: r.id,
  code: r.code,
  name: r.name,
  nameEn: r.nameEn,
  description: r.description,
  descriptionEn: r.descriptionEn,
  sortOrder: r.sortOrder,
  keywords: r.keywords,
  groupName: r.groupName,
  isActive: r.isActive,
  isDrill: r.isDrill,
});

async function categoryOrNotFound(db: Executor, code: string): Promise<CategoryRow> {
  const row = await findCategoryRowByCode(db, code);
  if (!row) throw new AppError('CATEGORY_NOT_FOUND', `no category ${code}`);
  return row;
}

/** Every category, inactive ones too, in display order. */
export async function listAdminCategories(deps: AdminDeps): Promise<AdminCategoryList> {
  return { categories: (await listCategoryRows(deps.db)).map(toView) };
}

/** A new category. */
export async function createCategory(
  deps: AdminDeps,
  body: CategoryCreateBody,
  by: AdminActor,
): Promise<AdminCategoryView> {
  return deps.db.transaction(async (tx) => {
    if (await findCategoryRowByCode(tx, body.code)) {
      throw new AppError('CONFLICT', `a category with code ${body.code} exists`, [
        { field: 'code', reason: 'taken' },
      ]);
    }
    const values: CategoryInsert = {
      code: body.code,
      name: body.name.trim(),
      nameEn: englishName(body.nameEn),
      description: body.description ?? '',
      descriptionEn: englishName(body.descriptionEn),
      sortOrder: body.sortOrder ?? 0,
      keywords: body.keywords ?? '',
      groupName: body.groupName ?? null,
      isDrill: body.isDrill ?? false,
    };
    const view = toView(
      await uniquely(() => insertCategoryRow(tx, values), `a category ${body.code} exists`),
    );
    await audit(tx, by, 'category.create', ENTITY, view.id, null, view);
    return view;
  });
}

/** Changes a category (its code stays: cases and rules refer to it). */
export async function updateCategory(
  deps: AdminDeps,
  code: string,
  body: CategoryPatchBody,
  by: AdminActor,
): Promise<AdminCategoryView> {
  return deps.db.transaction(async (tx) => {
    const row = await categoryOrNotFound(tx, code);
    const patch: Partial<CategoryInsert> = definedOnly({
      name: body.name?.trim(),
      nameEn: body.nameEn === undefined ? undefined : englishName(body.nameEn),
      description: body.description,
      descriptionEn: body.descriptionEn === undefined ? undefined : englishName(body.descriptionEn),
      sortOrder: body.sortOrder,
      keywords: body.keywords,
      groupName: body.groupName,
      isActive: body.isActive,
      isDrill: body.isDrill,
    });
    const after = toView(await updateCategoryRow(tx, row.id, patch));
    await audit(tx, by, 'category.update', ENTITY, row.id, toView(row), after);
    return after;
  });
}

/** Takes a category out of the citizens' choices; its cases keep it. */
export async function deactivateCategory(
  deps: AdminDeps,
  code: string,
  by: AdminActor,
): Promise<AdminCategoryView> {
  return deps.db.transaction(async (tx) => {
    const row = await categoryOrNotFound(tx, code);
    if (!row.isActive) return toView(row);
    const after = toView(await updateCategoryRow(tx, row.id, { isActive: false }));
    await audit(tx, by, 'category.deactivate', ENTITY, row.id, toView(row), after);
    return after;
  });
}

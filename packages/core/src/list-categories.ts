import type { CategoryList, CategoryListQuery } from '@hotline/contracts';
import { listActiveCategories, type Database } from '@hotline/db';
import { nameIn, type Lang } from '@hotline/domain';

/**
 * Categories a case can be filed under, named in `lang` (Vietnamese where no English is set);
 * drill categories only when asked (the console).
 */
export async function listCategories(
  deps: { db: Database },
  query: CategoryListQuery = {},
  lang: Lang = 'vi',
): Promise<CategoryList> {
  const rows = await listActiveCategories(deps.db, { includeDrills: query.includeDrills === true });
  return {
    categories: rows.map((c) => ({
      code: c.code,
      name: nameIn(lang, c.name, c.nameEn),
      description: nameIn(lang, c.description, c.descriptionEn),
      isDrill: c.isDrill,
    })),
  };
}

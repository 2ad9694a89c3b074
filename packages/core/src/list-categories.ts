import type { CategoryList, CategoryListQuery } from '@hotline/contracts';
import { listActiveCategories, type Database } from '@hotline/db';

/** Categories a case can be filed under; drill categories only when asked (the console). */
export async function listCategories(
  deps: { db: Database },
  query: CategoryListQuery = {},
): Promise<CategoryList> {
  return {
    categories: await listActiveCategories(deps.db, {
      includeDrills: query.includeDrills === true,
    }),
  };
}

import type { CategoryList } from '@hotline/contracts';
import { listActiveCategories, type Database } from '@hotline/db';

/** Categories a citizen can choose from. */
export async function listCategories(deps: { db: Database }): Promise<CategoryList> {
  return { categories: await listActiveCategories(deps.db) };
}

import type { CategoryList } from '@hotline/contracts';
import { listActiveCategories, type Database } from '@hotline/db';
import { nameIn, type Lang } from '@hotline/domain';

/** Categories a citizen can choose from, named in `lang` (Vietnamese where no English is set). */
export async function listCategories(
  deps: { db: Database },
  lang: Lang = 'vi',
): Promise<CategoryList> {
  const rows = await listActiveCategories(deps.db);
  return {
    categories: rows.map((c) => ({
      code: c.code,
      name: nameIn(lang, c.name, c.nameEn),
      description: nameIn(lang, c.description, c.descriptionEn),
    })),
  };
}

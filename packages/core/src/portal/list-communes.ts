import { findProvinceName, listActiveCommunes, type Database } from '@hotline/db';
import { nameIn, type Lang } from '@hotline/domain';

/** A commune or ward a case can be filed under, with the district or city above it. */
export interface CommuneOption {
  code: string;
  name: string;
  parent: { code: string; name: string } | null;
}

/** Communes and wards for the intake form's picker, grouped by the unit above, named in `lang`. */
export async function listCommunes(
  deps: { db: Database },
  lang: Lang = 'vi',
): Promise<CommuneOption[]> {
  const rows = await listActiveCommunes(deps.db);
  return rows.map((r) => ({
    code: r.code,
    name: nameIn(lang, r.name, r.nameEn),
    parent:
      r.parentCode && r.parentName
        ? { code: r.parentCode, name: nameIn(lang, r.parentName, r.parentNameEn) }
        : null,
  }));
}

/** The province's name (its root unit) in `lang`, for page titles; null when none is set up. */
export async function getProvinceName(
  deps: { db: Database },
  lang: Lang = 'vi',
): Promise<string | null> {
  const row = await findProvinceName(deps.db);
  return row ? nameIn(lang, row.name, row.nameEn) : null;
}

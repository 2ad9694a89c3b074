import { listHotlineDirectory as listRows, type Database } from '@hotline/db';
import { nameIn, type Lang } from '@hotline/domain';

/** A published hotline: the number, who answers it (name and title) and the unit. */
export interface HotlineDirectoryEntry {
  number: string;
  displayNumber: string;
  name: string;
  leader: { name: string; title: string };
  unit: { code: string; name: string };
}

// The province's own lines first, then agencies and departments, then districts and communes.
const KIND_ORDER: Record<string, number> = {
  province: 0,
  agency: 1,
  department: 2,
  district: 3,
  commune: 4,
};

/**
 * The public hotline directory (đường dây nóng), named in `lang`: no leader's personal phone or
 * e-mail.
 */
export async function listHotlineDirectory(
  deps: { db: Database },
  lang: Lang = 'vi',
): Promise<HotlineDirectoryEntry[]> {
  const rows = await listRows(deps.db);
  return rows
    .map((r, i) => ({ r, i, rank: KIND_ORDER[r.unitKind] ?? 9 }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ r }) => ({
      number: r.number,
      displayNumber: r.displayNumber,
      name: nameIn(lang, r.name, r.nameEn),
      leader: { name: r.leaderName, title: r.leaderTitle },
      unit: { code: r.unitCode, name: nameIn(lang, r.unitName, r.unitNameEn) },
    }));
}

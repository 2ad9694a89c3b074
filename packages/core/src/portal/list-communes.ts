import { findProvinceName, listActiveCommunes, type Database } from '@hotline/db';

/** A commune or ward a case can be filed under, with the district or city above it. */
export interface CommuneOption {
  code: string;
  name: string;
  parent: { code: string; name: string } | null;
}

/** Communes and wards for the intake form's picker, grouped by their district in order. */
export async function listCommunes(deps: { db: Database }): Promise<CommuneOption[]> {
  const rows = await listActiveCommunes(deps.db);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    parent: r.parentCode && r.parentName ? { code: r.parentCode, name: r.parentName } : null,
  }));
}

/** The province's name (its root unit), for page titles; null when none is set up. */
export async function getProvinceName(deps: { db: Database }): Promise<string | null> {
  return findProvinceName(deps.db);
}

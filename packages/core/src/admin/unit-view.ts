import type { UnitNode, UnitView } from '@hotline/contracts';
import type { UnitRow } from '@hotline/db';

/** Units by id, for turning ids into codes. */
export type UnitIndex = ReadonlyMap<string, UnitRow>;
export const indexUnits = (rows: readonly UnitRow[]): UnitIndex =>
  new Map(rows.map((r) => [r.id, r]));

export function toUnitView(row: UnitRow, units: UnitIndex): UnitView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    kind: row.kind,
    parentCode: row.parentId ? (units.get(row.parentId)?.code ?? null) : null,
    calendarId: row.calendarId,
    isTriage: row.isTriage,
    resolutionNeedsApproval: row.resolutionNeedsApproval,
    isActive: row.isActive,
    isDrill: row.isDrill,
    mergedIntoCode: row.mergedIntoId ? (units.get(row.mergedIntoId)?.code ?? null) : null,
  };
}

/** The units as a forest; a unit whose parent is left out becomes a root. */
export function toUnitTree(rows: readonly UnitRow[], units: UnitIndex): UnitNode[] {
  const nodes = new Map<string, UnitNode>(
    rows.map((r) => [r.id, { ...toUnitView(r, units), children: [] }]),
  );
  const roots: UnitNode[] = [];
  for (const r of rows) {
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(r.id)!);
  }
  return roots;
}

/** True when `candidateId` is `unitId` or lies below it. */
export function isSelfOrDescendant(units: UnitIndex, unitId: string, candidateId: string) {
  const seen = new Set<string>();
  for (let id: string | null = candidateId; id && !seen.has(id);) {
    if (id === unitId) return true;
    seen.add(id);
    id = units.get(id)?.parentId ?? null;
  }
  return false;
}

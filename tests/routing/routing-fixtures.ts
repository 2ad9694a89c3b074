import { randomBytes } from 'node:crypto';
import { count, eq, inArray, sql } from 'drizzle-orm';
import { submitCase } from '@hotline/core';
import { tables, type Database, type RawSql } from '@hotline/db';
import type { OfficialRole, UnitKind } from '@hotline/domain';

/** A unit under `parentId` (the province when omitted). */
export async function addUnit(
  db: Database,
  unit: { code: string; name: string; kind?: UnitKind; parentId?: string; isActive?: boolean },
): Promise<string> {
  const parentId =
    unit.parentId ??
    (
      await db
        .select({ id: tables.adminUnits.id })
        .from(tables.adminUnits)
        .where(eq(tables.adminUnits.code, 'province'))
    )[0]!.id;
  const [row] = await db
    .insert(tables.adminUnits)
    .values({ kind: 'department', isActive: true, ...unit, parentId })
    .returning({ id: tables.adminUnits.id });
  return row!.id;
}

/** `n` officials of a unit, e-mails `<prefix>1@test.gov.vn`…; their ids in id order. */
export async function addOfficials(
  db: Database,
  unitId: string,
  n: number,
  prefix: string,
  extra: { roles?: OfficialRole[]; isAbsent?: boolean; isActive?: boolean } = {},
): Promise<string[]> {
  const rows = await db
    .insert(tables.officials)
    .values(
      Array.from({ length: n }, (_, i) => ({
        unitId,
        fullName: `Cán bộ ${prefix} ${i + 1}`,
        email: `${prefix}${i + 1}@test.gov.vn`,
        roles: extra.roles ?? (['handler'] as OfficialRole[]),
        isAbsent: extra.isAbsent ?? false,
        isActive: extra.isActive ?? true,
      })),
    )
    .returning({ id: tables.officials.id });
  return rows.map((r) => r.id).sort();
}

/** Submits `n` web cases with the given text; their ids. */
export async function submitCases(
  raw: RawSql,
  n: number,
  body: { categoryCode: string; text: string; communeCode?: string; hotline?: string },
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { caseId } = await submitCase(
      { sql: raw, randomBytes },
      {
        body: { ...body, text: `${body.text} (${i})` },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      new Date(),
    );
    ids.push(caseId);
  }
  return ids;
}

/** How many of the cases (all when omitted) each official holds, by official id. */
export async function assignedCounts(db: Database, caseIds?: readonly string[]) {
  const { cases } = tables;
  const rows = await db
    .select({ assigneeId: cases.assigneeId, n: count() })
    .from(cases)
    .where(caseIds ? inArray(cases.id, [...caseIds]) : undefined)
    .groupBy(cases.assigneeId);
  return new Map(rows.map((r) => [r.assigneeId, r.n]));
}

/** The routed and assigned events of a case, in order. */
export async function routingEvents(db: Database, caseId: string) {
  const rows = await db.execute<{ type: string; payload: Record<string, unknown> }>(sql`
    select type, payload from case_events
    where case_id = ${caseId} and type in ('routed', 'assigned') order by version`);
  return rows.map((r): Record<string, unknown> => ({ ...r.payload, type: r.type }));
}

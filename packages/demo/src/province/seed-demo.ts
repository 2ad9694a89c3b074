import { sql } from 'drizzle-orm';
import { tables, type Database } from '@hotline/db';
import type { DemoProvince, DemoUnit } from './demo-types.js';
import { seedDrill } from './seed-drill.js';
import { seedDemoCredentials } from './seed-demo-tokens.js';

const { adminUnits, categories, hotlines, officials } = tables;

export { DEMO_OPEN311_API_KEY } from './seed-demo-tokens.js';

/** Parents before children, so each unit's parent id is known when it is inserted. */
function unitsInTreeOrder(units: readonly DemoUnit[]): DemoUnit[] {
  const byParent = new Map<string | null, DemoUnit[]>();
  for (const u of units) byParent.set(u.parentCode, [...(byParent.get(u.parentCode) ?? []), u]);
  const ordered: DemoUnit[] = [];
  const visit = (parent: string | null) => {
    for (const u of byParent.get(parent) ?? []) {
      ordered.push(u);
      visit(u.code);
    }
  };
  visit(null);
  if (ordered.length !== units.length) throw new Error('demo units do not form one tree');
  return ordered;
}

/**
 * Loads the demo province into an empty database, in one transaction. Does nothing (and
 * returns false) when any unit exists, so it is safe to run on every start.
 */
export async function seedDemoData(db: Database, data: DemoProvince): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two starters at once: the second waits here, then sees the data and skips.
    await tx.execute(sql`select pg_advisory_xact_lock(${0x73656564})`);
    const existing = await tx.select({ id: adminUnits.id }).from(adminUnits).limit(1);
    if (existing.length > 0) return false;

    const unitIds = new Map<string, string>();
    const idOf = (code: string) => {
      const id = unitIds.get(code);
      if (!id) throw new Error(`demo data: unknown unit ${code}`);
      return id;
    };
    for (const u of unitsInTreeOrder(data.units)) {
      const [row] = await tx
        .insert(adminUnits)
        .values({
          code: u.code,
          name: u.name,
          nameEn: u.nameEn ?? null,
          kind: u.kind,
          parentId: u.parentCode ? idOf(u.parentCode) : null,
          isTriage: u.isTriage ?? false,
        })
        .returning({ id: adminUnits.id });
      unitIds.set(u.code, row!.id);
    }
    const officialRows = await tx
      .insert(officials)
      .values(
        data.officials.map((o) => ({
          fullName: o.fullName,
          email: o.email,
          phone: o.phone,
          title: o.title,
          unitId: idOf(o.unitCode),
          roles: o.roles,
        })),
      )
      .returning({ id: officials.id, email: officials.email });
    const officialIds = new Map(officialRows.map((o) => [o.email, o.id]));
    await tx.insert(hotlines).values(
      data.hotlines.map((h) => {
        const owner = officialIds.get(h.ownerEmail);
        if (!owner) throw new Error(`demo data: unknown hotline owner ${h.ownerEmail}`);
        return {
          number: h.number,
          displayNumber: h.displayNumber,
          name: h.name,
          nameEn: h.nameEn ?? null,
          ownerOfficialId: owner,
          unitId: idOf(h.unitCode),
        };
      }),
    );
    await tx
      .insert(categories)
      .values(data.categories.map((c, i) => ({ ...c, sortOrder: (i + 1) * 10 })));
    await seedDrill(tx, idOf(data.units.find((u) => u.parentCode === null)!.code));
    await seedDemoCredentials(tx);
    return true;
  });
}

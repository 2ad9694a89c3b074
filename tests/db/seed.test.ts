import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProvince, seedDemoData } from '@hotline/demo';
import { createTestDatabase, type TestDatabase } from '@hotline/testing';

describe('demo data', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('seed');
  });
  afterAll(async () => {
    await t.drop();
  });

  it('loads the Hà Tĩnh demo province into an empty database, once', async () => {
    expect(await seedDemoData(t.db, demoProvince)).toBe(true);
    expect(await seedDemoData(t.db, demoProvince)).toBe(false);
    const [row] = await t.db.execute<{
      units: number;
      triage: number;
      hotlines: number;
      categories: number;
    }>(sql`
      select (select count(*)::int from admin_units) as units,
             (select count(*)::int from admin_units where is_triage) as triage,
             (select count(*)::int from hotlines) as hotlines,
             (select count(*)::int from categories) as categories`);
    // The province, plus the drill (a 24/7 duty team, its hotline and a "Diễn tập" category).
    expect(row).toEqual({
      units: demoProvince.units.length + 1,
      triage: 1,
      hotlines: demoProvince.hotlines.length + 1,
      categories: demoProvince.categories.length + 1,
    });
    // The drill is flagged as such (hidden from citizens, left out of figures), nothing else is.
    const [drills] = await t.db.execute<{
      units: string[];
      hotlines: string[];
      categories: string[];
    }>(
      sql`select array(select code from admin_units where is_drill) as units,
                 array(select number from hotlines where is_drill) as hotlines,
                 array(select code from categories where is_drill) as categories`,
    );
    expect(drills).toEqual({
      units: ['to-truc-dien-tap'],
      hotlines: ['+842393999000'],
      categories: ['dien-tap'],
    });
    const names = await t.db.execute<{ name: string }>(sql`select name from admin_units`);
    // Today's units, and those of early 2025 that the demo history merges into them.
    expect(names.map((n) => n.name).join('|')).toMatch(/Thành Sen/);
    expect(names.map((n) => n.name).join('|')).toMatch(/huyện Thạch Hà/);
  });
});

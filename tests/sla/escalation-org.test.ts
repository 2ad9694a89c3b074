import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEscalationOrg, tables } from '@hotline/db';
import { escalationLadder } from '@hotline/domain';
import { createTestDatabase, seedSmallProvince, type TestDatabase } from '@hotline/testing';
import { addOfficials } from '../routing/routing-fixtures.js';

/** What the ladder is chosen from, as the repository reads it from the organisation. */
describe('findEscalationOrg reads the organisation the ladder is chosen from', () => {
  let t: TestDatabase;
  const ids = { province: '', district: '', commune: '', department: '', hotline: '' };
  beforeAll(async () => {
    t = await createTestDatabase('escalation-org');
    const p = await seedSmallProvince(t.db);
    const unit = async (code: string) =>
      (
        await t.db
          .select({ id: tables.adminUnits.id })
          .from(tables.adminUnits)
          .where(eq(tables.adminUnits.code, code))
      )[0]!.id;
    const [hotline] = await t.db.select({ id: tables.hotlines.id }).from(tables.hotlines);
    Object.assign(ids, {
      province: await unit('province'),
      district: await unit('huyen-a'),
      commune: p.communeUnitId,
      department: p.departmentUnitId,
      hotline: hotline!.id,
    });
  });
  afterAll(async () => {
    await t.drop();
  });

  it('climbs past a commune with no leader; present before absent; the hotline owner last', async () => {
    const leader = { roles: ['unit_leader' as const] };
    const [away] = await addOfficials(t.db, ids.district, 1, 'away', { ...leader, isAbsent: true });
    const [here] = await addOfficials(t.db, ids.district, 1, 'here', leader);
    await addOfficials(t.db, ids.district, 1, 'gone', { ...leader, isActive: false });
    const [chair] = await addOfficials(t.db, ids.province, 1, 'chair', leader);
    await addOfficials(t.db, ids.commune, 1, 'clerk');

    const org = await findEscalationOrg(t.db, ids.commune, ids.hotline);
    expect(org.unitChain).toEqual([ids.commune, ids.district, ids.province]);
    expect(org.rootUnitId).toBe(ids.province);
    expect(org.leaders).toHaveLength(4);
    expect(org.leaders).toContainEqual({
      officialId: away,
      unitId: ids.district,
      isActive: true,
      isAbsent: true,
    });
    expect(org.hotlineOwner).toMatchObject({ unitId: ids.department, isActive: true });

    expect(escalationLadder(org)).toEqual([
      { officialId: here, unitId: ids.district },
      { officialId: here, unitId: ids.district },
      { officialId: org.hotlineOwner!.officialId, unitId: ids.department },
    ]);
    // A case with no unit and no hotline: only the province's leader is left to tell.
    const bare = await findEscalationOrg(t.db, null, null);
    expect(bare).toMatchObject({ unitChain: [], rootUnitId: ids.province, hotlineOwner: null });
    expect(escalationLadder(bare)[2]).toEqual({ officialId: chair, unitId: ids.province });
  });
});

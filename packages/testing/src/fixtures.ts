import { createHash } from 'node:crypto';
import { tables, type Database } from '@hotline/db';

/**
 * The admin-scoped API token of the small province's administrator: tests call the admin API
 * with it as automation would, and the audit names that administrator.
 */
export const TEST_ADMIN_TOKEN = 'hlt_test-admin-token-0123456789abcdefghij';

export interface SmallProvince {
  triageUnitId: string;
  departmentUnitId: string;
  communeUnitId: string;
  hotlineUnitId: string;
  /** E.164 of the department leader's hotline. */
  hotlineNumber: string;
  categoryCode: string;
  communeCode: string;
  /** The administrator holding TEST_ADMIN_TOKEN. */
  adminOfficialId: string;
}

/**
 * A minimal province for tests: a triage centre, a department whose leader owns a hotline,
 * a district with one commune, and two categories. Tests never depend on the demo data.
 */
export async function seedSmallProvince(db: Database): Promise<SmallProvince> {
  const { adminUnits, officials, officialTokens, hotlines, categories } = tables;
  const [province] = await db
    .insert(adminUnits)
    .values({ code: 'province', name: 'UBND tỉnh Thử nghiệm', kind: 'province' })
    .returning();
  const [triage, department, district] = await db
    .insert(adminUnits)
    .values([
      {
        code: 'triage',
        name: 'Trung tâm tiếp nhận',
        kind: 'agency',
        parentId: province!.id,
        isTriage: true,
      },
      { code: 'so-xay-dung', name: 'Sở Xây dựng', kind: 'department', parentId: province!.id },
      { code: 'huyen-a', name: 'Huyện A', kind: 'district', parentId: province!.id },
    ])
    .returning();
  const [commune] = await db
    .insert(adminUnits)
    .values({ code: 'xa-a1', name: 'Xã A1', kind: 'commune', parentId: district!.id })
    .returning();
  const [leader] = await db
    .insert(officials)
    .values({
      unitId: department!.id,
      fullName: 'Trần Văn Lãnh Đạo',
      email: 'leader@test.gov.vn',
      phone: '+84912000001',
      title: 'Giám đốc Sở',
      roles: ['unit_leader', 'hotline_owner'],
    })
    .returning();
  const [admin] = await db
    .insert(officials)
    .values({
      unitId: province!.id,
      fullName: 'Nguyễn Văn Quản Trị',
      email: 'admin@test.gov.vn',
      title: 'Quản trị hệ thống',
      roles: ['admin'],
    })
    .returning();
  await db.insert(officialTokens).values({
    officialId: admin!.id,
    name: 'Tests (automation)',
    tokenPrefix: TEST_ADMIN_TOKEN.slice(0, 10),
    tokenHash: createHash('sha256').update(TEST_ADMIN_TOKEN).digest('hex'),
    scopes: ['admin'],
  });
  const hotlineNumber = '+842393000111';
  await db.insert(hotlines).values({
    number: hotlineNumber,
    displayNumber: '0239 3000 111',
    name: 'Đường dây nóng Giám đốc Sở Xây dựng',
    ownerOfficialId: leader!.id,
    unitId: department!.id,
  });
  await db.insert(categories).values([
    { code: 'xay-dung', name: 'Xây dựng', sortOrder: 1 },
    { code: 'moi-truong', name: 'Môi trường', sortOrder: 2 },
    { code: 'khac', name: 'Khác', sortOrder: 99 },
  ]);
  return {
    triageUnitId: triage!.id,
    departmentUnitId: department!.id,
    communeUnitId: commune!.id,
    hotlineUnitId: department!.id,
    hotlineNumber,
    categoryCode: 'xay-dung',
    communeCode: 'xa-a1',
    adminOfficialId: admin!.id,
  };
}

import { bumpCalendarRevision, tables, type Tx } from '@hotline/db';

const { adminUnits, calendars, categories, hotlines, officials, slaPolicies } = tables;

const ALL_DAY = [{ start: '00:00', end: '24:00' }];
const working = (duration: string) => ({ duration, unit: 'working' as const });

/** E.164 of the drill hotline (published as 0239 3999 000). */
export const DRILL_HOTLINE = '+842393999000';

/**
 * A drill for the demo, clearly apart from the province's real structure: a round-the-clock
 * duty team with its own hotline and a "Diễn tập" category whose deadlines are minutes long, so
 * a case sent there is warned, breached and escalated up the ladder while you watch. All three
 * are flagged `isDrill`: citizens never see them and reports leave them out unless asked.
 */
export async function seedDrill(tx: Tx, provinceUnitId: string): Promise<void> {
  await tx.insert(calendars).values({
    id: 'demo-24-7',
    name: 'Trực 24/7 (diễn tập)',
    parentId: 'default',
    weekly: [ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY],
    holidays: { enabled: false },
  });
  await bumpCalendarRevision(tx);
  const [unit] = await tx
    .insert(adminUnits)
    .values({
      code: 'to-truc-dien-tap',
      name: 'Tổ trực đường dây nóng 24/7 (diễn tập)',
      nameEn: '24/7 hotline duty team (drill)',
      kind: 'agency',
      parentId: provinceUnitId,
      calendarId: 'demo-24-7',
      isDrill: true,
    })
    .returning({ id: adminUnits.id });
  const [leader] = await tx
    .insert(officials)
    .values({
      unitId: unit!.id,
      fullName: 'Tổ trưởng trực (diễn tập)',
      email: 'truc-dien-tap@hatinh.gov.vn',
      phone: '+84912999000',
      title: 'Tổ trưởng',
      roles: ['unit_leader', 'hotline_owner'],
    })
    .returning({ id: officials.id });
  await tx.insert(hotlines).values({
    number: DRILL_HOTLINE,
    displayNumber: '0239 3999 000',
    name: 'Đường dây nóng diễn tập 24/7',
    nameEn: 'Drill hotline, 24/7',
    ownerOfficialId: leader!.id,
    unitId: unit!.id,
    isDrill: true,
  });
  const [category] = await tx
    .insert(categories)
    .values({
      code: 'dien-tap',
      name: 'Diễn tập (hạn xử lý 2 phút)',
      nameEn: 'Drill (2-minute deadline)',
      description: 'Dùng để diễn tập: cảnh báo, quá hạn và báo cáo lãnh đạo trong vài phút.',
      descriptionEn: 'For drills: warning, breach and escalation to leaders within minutes.',
      sortOrder: 10_000,
      isDrill: true,
    })
    .returning({ id: categories.id });
  await tx.insert(slaPolicies).values({
    caseType: 'feedback',
    categoryId: category!.id,
    priority: null,
    acceptance: working('PT10M'),
    firstResponse: working('PT10M'),
    resolution: working('PT2M'),
    resolutionComplex: null,
    resolutionFrom: 'receipt',
    warningFraction: 0.5,
    maxExtensions: 1,
    maxExtensionsComplex: 1,
    maxExtension: working('PT5M'),
    escalation: { rung2After: working('PT1M'), rung3After: working('PT1M') },
    transferResetsDeadline: false,
  });
}

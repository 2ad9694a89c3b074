import type { RoutingRuleBody } from '@hotline/contracts';
import { listRoutingRuleRows, type Database } from '@hotline/db';
import { createRoutingRule, deleteRoutingRule } from '@hotline/core';
import type { DemoOrganisation } from './demo-history-store.js';

const LOCAL_MATTERS = [
  'y-te',
  'giao-duc',
  'chinh-sach-xa-hoi',
  'dien-nuoc',
  'an-ninh-trat-tu',
  'nong-nghiep',
];
const LOCAL = 'y tế, giáo dục, chính sách, điện nước, trật tự, nông nghiệp';

type Rule = Omit<RoutingRuleBody, 'strategy'>;
const localMatters = ([code, name]: readonly [string, string]): Rule => ({
  name: `${name}: việc của địa phương (${LOCAL})`,
  conditions: { unitCodes: [code], categoryCodes: LOCAL_MATTERS },
  targetUnitCode: code,
});
const THANH_TRA: Rule = {
  name: 'Thái độ, trách nhiệm cán bộ → Thanh tra tỉnh',
  conditions: { categoryCodes: ['thai-do-can-bo'] },
  targetUnitCode: 'thanh-tra-tinh',
};

/** Before 1 July 2025 (after one per leader's hotline): districts answer local matters. */
const FORMER_RULES: readonly Rule[] = [
  {
    name: 'Phường Thạch Hạ: môi trường, an ninh trật tự, nông nghiệp',
    conditions: {
      unitCodes: ['phuong-thach-ha'],
      categoryCodes: ['moi-truong', 'an-ninh-trat-tu', 'nong-nghiep'],
    },
    targetUnitCode: 'phuong-thach-ha',
  },
  {
    name: 'Huyện Cẩm Xuyên: đất đai, môi trường (Phòng TN&MT huyện)',
    conditions: { unitCodes: ['huyen-cam-xuyen'], categoryCodes: ['dat-dai', 'moi-truong'] },
    targetUnitCode: 'huyen-cam-xuyen',
  },
  ...(
    [
      ['tp-ha-tinh', 'Thành phố Hà Tĩnh'],
      ['huyen-thach-ha', 'Huyện Thạch Hà'],
      ['huyen-cam-xuyen', 'Huyện Cẩm Xuyên'],
      ['huyen-vu-quang', 'Huyện Vũ Quang'],
    ] as const
  ).map(localMatters),
  {
    name: 'Đất đai, môi trường → Sở Tài nguyên và Môi trường',
    conditions: { categoryCodes: ['dat-dai', 'moi-truong'] },
    targetUnitCode: 'so-tai-nguyen-moi-truong',
  },
  {
    name: 'Xây dựng, trật tự đô thị → Sở Xây dựng',
    conditions: { categoryCodes: ['xay-dung'] },
    targetUnitCode: 'so-xay-dung',
  },
  {
    name: 'Giao thông → Sở Giao thông vận tải',
    conditions: { categoryCodes: ['giao-thong'] },
    targetUnitCode: 'so-giao-thong-van-tai',
  },
  THANH_TRA,
];

/** Since 1 July 2025: each commune or ward answers its local matters; merged departments. */
const PRESENT_RULES: readonly Rule[] = [
  {
    name: 'Phường Hà Huy Tập: môi trường, an ninh trật tự, nông nghiệp',
    conditions: {
      unitCodes: ['phuong-ha-huy-tap'],
      categoryCodes: ['moi-truong', 'an-ninh-trat-tu', 'nong-nghiep'],
    },
    targetUnitCode: 'phuong-ha-huy-tap',
  },
  {
    name: 'Xã Cẩm Xuyên: đất đai, môi trường (công chức địa chính - môi trường xã)',
    conditions: { unitCodes: ['xa-cam-xuyen'], categoryCodes: ['dat-dai', 'moi-truong'] },
    targetUnitCode: 'xa-cam-xuyen',
  },
  ...(
    [
      ['phuong-thanh-sen', 'Phường Thành Sen'],
      ['phuong-tran-phu', 'Phường Trần Phú'],
      ['phuong-ha-huy-tap', 'Phường Hà Huy Tập'],
      ['xa-thach-khe', 'Xã Thạch Khê'],
      ['xa-cam-binh', 'Xã Cẩm Bình'],
      ['xa-thach-ha', 'Xã Thạch Hà'],
      ['xa-cam-xuyen', 'Xã Cẩm Xuyên'],
      ['xa-thien-cam', 'Xã Thiên Cầm'],
      ['xa-vu-quang', 'Xã Vũ Quang'],
    ] as const
  ).map(localMatters),
  {
    name: 'Đất đai, môi trường → Sở Nông nghiệp và Môi trường',
    conditions: { categoryCodes: ['dat-dai', 'moi-truong'] },
    targetUnitCode: 'so-nong-nghiep-moi-truong',
  },
  {
    name: 'Xây dựng, trật tự đô thị, giao thông → Sở Xây dựng',
    conditions: { categoryCodes: ['xay-dung', 'giao-thong'] },
    targetUnitCode: 'so-xay-dung',
  },
  THANH_TRA,
];

/** The structure the rules are written for: before the 2025 reform, or today's. */
export type DemoEraName = 'former' | 'present';

/**
 * The province's routing rules for an era, as its administrator set them up, through the admin
 * use case: a leader's hotline goes to the leader's unit, local matters to the district (before
 * the reform) or the commune, the rest by category to the departments; what no rule claims goes
 * to the triage centre. Every case is then routed by the worker's own use case. The former era's
 * rules are made only when there are none; the present's replace whatever rules there are (the
 * reform's new rule set). Rules whose unit is missing or inactive are left out. Returns how many
 * were made.
 */
export async function ensureDemoRoutingRules(
  db: Database,
  org: DemoOrganisation,
  era: DemoEraName,
): Promise<number> {
  const existing = await listRoutingRuleRows(db);
  if (era === 'former' && existing.length > 0) return 0;
  // Set up by the province's administrator (recorded as such in the admin audit).
  const admin = org.officials.find((o) => o.roles.includes('admin'))?.id ?? null;
  for (const rule of existing) await deleteRoutingRule({ db }, rule.id, admin);
  const codeOf = new Map(org.units.map((u) => [u.id, u]));
  const hasUnit = (code: string) => org.units.some((u) => u.code === code);
  const hotlineRules: Rule[] = org.hotlines.flatMap((h) => {
    const unit = codeOf.get(h.unitId);
    // The triage centre's own line is the province's general number: routed by subject.
    if (!unit || unit.isTriage) return [];
    return [
      {
        name: `${h.name} → ${unit.name}`,
        conditions: { hotlineNumbers: [h.number] },
        targetUnitCode: unit.code,
      },
    ];
  });
  let made = 0;
  for (const rule of [...hotlineRules, ...(era === 'former' ? FORMER_RULES : PRESENT_RULES)]) {
    if (!hasUnit(rule.targetUnitCode)) continue;
    await createRoutingRule({ db }, { ...rule, strategy: 'unit_queue' }, admin);
    made++;
  }
  return made;
}

import type { RoutingRuleBody } from '@hotline/contracts';
import { listRoutingRuleRows, type Database, type DemoOrganisation } from '@hotline/db';
import { createRoutingRule } from '../routing/admin-routing-rules.js';

const LOCAL_MATTERS = [
  'y-te',
  'giao-duc',
  'chinh-sach-xa-hoi',
  'dien-nuoc',
  'an-ninh-trat-tu',
  'nong-nghiep',
];
const DISTRICTS: readonly [string, string][] = [
  ['tp-ha-tinh', 'Thành phố Hà Tĩnh'],
  ['huyen-thach-ha', 'Huyện Thạch Hà'],
  ['huyen-cam-xuyen', 'Huyện Cẩm Xuyên'],
  ['huyen-vu-quang', 'Huyện Vũ Quang'],
];

/** The rules, in order, after one per leader's hotline. */
const RULES: readonly Omit<RoutingRuleBody, 'strategy'>[] = [
  {
    name: 'Xã Thạch Hạ: môi trường, an ninh trật tự, nông nghiệp',
    conditions: {
      unitCodes: ['xa-thach-ha'],
      categoryCodes: ['moi-truong', 'an-ninh-trat-tu', 'nong-nghiep'],
    },
    targetUnitCode: 'xa-thach-ha',
  },
  {
    name: 'Huyện Cẩm Xuyên: đất đai, môi trường (Phòng TN&MT huyện)',
    conditions: { unitCodes: ['huyen-cam-xuyen'], categoryCodes: ['dat-dai', 'moi-truong'] },
    targetUnitCode: 'huyen-cam-xuyen',
  },
  ...DISTRICTS.map(([code, name]) => ({
    name: `${name}: việc của địa phương (y tế, giáo dục, chính sách, điện nước, trật tự, nông nghiệp)`,
    conditions: { unitCodes: [code], categoryCodes: LOCAL_MATTERS },
    targetUnitCode: code,
  })),
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
  {
    name: 'Thái độ, trách nhiệm cán bộ → Thanh tra tỉnh',
    conditions: { categoryCodes: ['thai-do-can-bo'] },
    targetUnitCode: 'thanh-tra-tinh',
  },
];

/**
 * The province's routing rules as its administrator would have set them up before the history
 * began, created through the admin use case, only when there are none: a leader's hotline goes
 * to the leader's unit, local matters to the commune or district, the rest by category to the
 * departments; what no rule claims goes to the triage centre. Every case is then routed by the
 * worker's own use case. Rules whose unit is missing are left out. Returns how many were made.
 */
export async function ensureDemoRoutingRules(db: Database, org: DemoOrganisation): Promise<number> {
  if ((await listRoutingRuleRows(db)).length > 0) return 0;
  const codeOf = new Map(org.units.map((u) => [u.id, u]));
  const hasUnit = (code: string) => org.units.some((u) => u.code === code);
  const hotlineRules: Omit<RoutingRuleBody, 'strategy'>[] = org.hotlines.flatMap((h) => {
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
  // Set up by the province's administrator (recorded as such in the admin audit).
  const admin = org.officials.find((o) => o.roles.includes('admin'))?.id ?? null;
  let made = 0;
  for (const rule of [...hotlineRules, ...RULES]) {
    if (!hasUnit(rule.targetUnitCode)) continue;
    await createRoutingRule({ db }, { ...rule, strategy: 'unit_queue' }, admin);
    made++;
  }
  return made;
}

import type { SeededRandom } from './seeded-random.js';

/** A commune of the demo province (packages/db demo-province.ts), with places in it. */
export interface DemoCommune {
  code: string;
  /** As a citizen writes it: "phường Bắc Hà". */
  name: string;
  /** The same without diacritics, for SMS. */
  ascii: string;
  /** The district (or city) unit above it. */
  districtCode: string;
  districtName: string;
  /** Streets, hamlets and landmarks; invented where a real name would not matter. */
  spots: readonly string[];
}

export const DEMO_COMMUNES: readonly DemoCommune[] = [
  {
    code: 'phuong-bac-ha',
    name: 'phường Bắc Hà',
    ascii: 'phuong Bac Ha',
    districtCode: 'tp-ha-tinh',
    districtName: 'thành phố Hà Tĩnh',
    spots: [
      'đường Phan Đình Phùng',
      'đường Nguyễn Công Trứ',
      'tổ dân phố 5',
      'ngõ 12 đường Lê Hồng Phong',
      'khu vực chợ thành phố',
      'đường Hải Thượng Lãn Ông',
    ],
  },
  {
    code: 'phuong-nam-ha',
    name: 'phường Nam Hà',
    ascii: 'phuong Nam Ha',
    districtCode: 'tp-ha-tinh',
    districtName: 'thành phố Hà Tĩnh',
    spots: [
      'đường Trần Phú',
      'đường Xuân Diệu',
      'đường Hà Huy Tập',
      'tổ dân phố 8',
      'khu đô thị Nam Hà',
      'ngõ 45 đường Nguyễn Du',
    ],
  },
  {
    code: 'xa-thach-ha',
    name: 'xã Thạch Hạ',
    ascii: 'xa Thach Ha',
    districtCode: 'tp-ha-tinh',
    districtName: 'thành phố Hà Tĩnh',
    spots: [
      'thôn Trung Tiến',
      'thôn Đông Tiến',
      'đường Mai Thúc Loan',
      'khu vực bờ sông Cày',
      'thôn Bắc Tiến',
    ],
  },
  {
    code: 'xa-thach-trung',
    name: 'xã Thạch Trung',
    ascii: 'xa Thach Trung',
    districtCode: 'tp-ha-tinh',
    districtName: 'thành phố Hà Tĩnh',
    spots: ['thôn Đồng Đình', 'thôn Tiến Hưng', 'đường Lê Duẩn', 'khu dân cư Bồng Giang'],
  },
  {
    code: 'thi-tran-thach-ha',
    name: 'thị trấn Thạch Hà',
    ascii: 'thi tran Thach Ha',
    districtCode: 'huyen-thach-ha',
    districtName: 'huyện Thạch Hà',
    spots: ['khối 4', 'Quốc lộ 1A đoạn qua thị trấn', 'khu vực chợ Thạch Hà', 'khối 7'],
  },
  {
    code: 'xa-thach-khe',
    name: 'xã Thạch Khê',
    ascii: 'xa Thach Khe',
    districtCode: 'huyen-thach-ha',
    districtName: 'huyện Thạch Hà',
    spots: ['thôn Liên Quang', 'thôn Hòa Bình', 'khu vực bãi biển Thạch Khê', 'thôn Tân Phú'],
  },
  {
    code: 'xa-thach-dai',
    name: 'xã Thạch Đài',
    ascii: 'xa Thach Dai',
    districtCode: 'huyen-thach-ha',
    districtName: 'huyện Thạch Hà',
    spots: ['thôn Bắc Thượng', 'thôn Đông Châu', 'đường tỉnh 17', 'thôn Nam Giang'],
  },
  {
    code: 'thi-tran-cam-xuyen',
    name: 'thị trấn Cẩm Xuyên',
    ascii: 'thi tran Cam Xuyen',
    districtCode: 'huyen-cam-xuyen',
    districtName: 'huyện Cẩm Xuyên',
    spots: ['tổ dân phố 6', 'đường Hà Huy Tập', 'khu vực chợ Cẩm Xuyên', 'tổ dân phố 11'],
  },
  {
    code: 'thi-tran-thien-cam',
    name: 'thị trấn Thiên Cầm',
    ascii: 'thi tran Thien Cam',
    districtCode: 'huyen-cam-xuyen',
    districtName: 'huyện Cẩm Xuyên',
    spots: ['khu du lịch biển Thiên Cầm', 'tổ dân phố Tân Phú', 'đường ven biển', 'bến cá'],
  },
  {
    code: 'xa-cam-binh',
    name: 'xã Cẩm Bình',
    ascii: 'xa Cam Binh',
    districtCode: 'huyen-cam-xuyen',
    districtName: 'huyện Cẩm Xuyên',
    spots: ['thôn Trung Hòa', 'thôn Bình Phúc', 'kênh N1', 'đường liên xã'],
  },
  {
    code: 'thi-tran-vu-quang',
    name: 'thị trấn Vũ Quang',
    ascii: 'thi tran Vu Quang',
    districtCode: 'huyen-vu-quang',
    districtName: 'huyện Vũ Quang',
    spots: ['tổ dân phố 2', 'đường Hồ Chí Minh đoạn qua thị trấn', 'khu vực chợ Vũ Quang'],
  },
  {
    code: 'xa-an-phu',
    name: 'xã Ân Phú',
    ascii: 'xa An Phu',
    districtCode: 'huyen-vu-quang',
    districtName: 'huyện Vũ Quang',
    spots: ['thôn Thượng Phú', 'thôn Trung Tâm', 'đường liên thôn', 'khu vực hồ chứa nước'],
  },
  {
    code: 'xa-duc-linh',
    name: 'xã Đức Lĩnh',
    ascii: 'xa Duc Linh',
    districtCode: 'huyen-vu-quang',
    districtName: 'huyện Vũ Quang',
    spots: ['thôn Hòa Bình', 'thôn Đức Thịnh', 'cầu tràn qua sông Ngàn Sâu', 'thôn Tân Lĩnh'],
  },
];

const SURNAMES = [
  ['Nguyễn', 24],
  ['Trần', 10],
  ['Lê', 10],
  ['Phạm', 6],
  ['Hoàng', 5],
  ['Phan', 7],
  ['Võ', 7],
  ['Đặng', 4],
  ['Bùi', 4],
  ['Đỗ', 3],
  ['Hồ', 5],
  ['Ngô', 3],
  ['Dương', 3],
  ['Đinh', 3],
  ['Thái', 2],
  ['Đậu', 2],
  ['Trương', 2],
] as const;
const MALE = [
  ['Văn', 'An'],
  ['Văn', 'Bình'],
  ['Đức', 'Cường'],
  ['Văn', 'Dũng'],
  ['Minh', 'Đức'],
  ['Hữu', 'Hải'],
  ['Văn', 'Hùng'],
  ['Quang', 'Huy'],
  ['Đình', 'Khánh'],
  ['Văn', 'Long'],
  ['Công', 'Minh'],
  ['Văn', 'Nam'],
  ['Hữu', 'Nghĩa'],
  ['Xuân', 'Phong'],
  ['Văn', 'Quý'],
  ['Đình', 'Sơn'],
  ['Văn', 'Thắng'],
  ['Quốc', 'Toàn'],
  ['Anh', 'Tuấn'],
  ['Văn', 'Việt'],
] as const;
const FEMALE = [
  ['Thị', 'Anh'],
  ['Thị', 'Bích'],
  ['Thị', 'Châu'],
  ['Thị', 'Dung'],
  ['Thu', 'Hà'],
  ['Thị', 'Hằng'],
  ['Thị', 'Hoa'],
  ['Thị', 'Hương'],
  ['Thị Thanh', 'Huyền'],
  ['Thị', 'Lan'],
  ['Thị', 'Loan'],
  ['Thị', 'Mai'],
  ['Thị Kim', 'Ngân'],
  ['Thị', 'Nhung'],
  ['Thị', 'Oanh'],
  ['Thị', 'Phương'],
  ['Thị', 'Sương'],
  ['Thị', 'Thảo'],
  ['Thị', 'Trang'],
  ['Thị', 'Yến'],
] as const;
const MOBILE_PREFIXES = ['91', '94', '88', '98', '97', '96', '86', '35', '36', '37', '38', '39'];

/** A citizen: an invented name and mobile number, sometimes an e-mail address. */
export interface DemoCitizen {
  name: string;
  phone: string;
  email: string | null;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** Vietnamese text without diacritics, as many people type an SMS. */
export const withoutDiacritics = fold;

/** The `index`-th citizen: the number carries the index, so no two share a phone. */
export function demoCitizen(rng: SeededRandom, index: number): DemoCitizen {
  const surname = rng.weighted(SURNAMES);
  const [middle, given] = rng.chance(0.55) ? rng.pick(MALE) : rng.pick(FEMALE);
  const name = `${surname} ${middle} ${given}`;
  // Invented numbers; nothing is ever sent to them (see settleDemoHistoryNotifications).
  const phone = `+84${rng.pick(MOBILE_PREFIXES)}5${String(index % 1000).padStart(3, '0')}${String(rng.int(0, 999)).padStart(3, '0')}`;
  const email = rng.chance(0.25)
    ? `${fold(given).toLowerCase()}.${fold(surname).toLowerCase()}${rng.int(70, 99)}@example.com`
    : null;
  return { name, phone, email };
}

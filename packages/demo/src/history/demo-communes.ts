// The places the demo's citizens write from, as the province was organised in each era of the
// history (province/demo-province.ts): before 1 July 2025 a commune sat under a district
// (or the city), which answered its local matters; since then the commune or ward answers them
// itself and the departments are the merged ones.

/** A commune or ward of the demo province, with the units that answer for it in its era. */
export interface DemoCommune {
  code: string;
  /** As a citizen writes it: "phường Thành Sen". */
  name: string;
  /** The same without diacritics, for SMS. */
  ascii: string;
  /** The wider area, as texts say it ("huyện Cẩm Xuyên", "khu vực Cẩm Xuyên"). */
  areaName: string;
  /** Who answers local matters (health, schools, water, order): district, city or commune. */
  local: string;
  /** Who answers land cases, and environment cases. */
  land: string;
  environment: string;
  /** The department for land and environment in the era, and the one for roads. */
  landDepartment: string;
  roads: string;
  /** Streets, hamlets and landmarks; invented where a real name would not matter. */
  spots: readonly string[];
}

const TNMT = 'so-tai-nguyen-moi-truong';
const GTVT = 'so-giao-thong-van-tai';
const NNMT = 'so-nong-nghiep-moi-truong';
const XD = 'so-xay-dung';

const SPOTS = {
  bacHa: [
    'đường Phan Đình Phùng',
    'đường Nguyễn Công Trứ',
    'tổ dân phố 5',
    'ngõ 12 đường Lê Hồng Phong',
    'khu vực chợ Hà Tĩnh',
    'đường Hải Thượng Lãn Ông',
  ],
  namHa: [
    'đường Trần Phú',
    'đường Xuân Diệu',
    'đường Hà Huy Tập',
    'tổ dân phố 8',
    'khu đô thị Nam Hà',
    'ngõ 45 đường Nguyễn Du',
  ],
  thachHa: [
    'thôn Trung Tiến',
    'thôn Đông Tiến',
    'đường Mai Thúc Loan',
    'khu vực bờ sông Cày',
    'thôn Bắc Tiến',
  ],
  thachTrung: [
    'tổ dân phố Đồng Đình',
    'tổ dân phố Tiến Hưng',
    'đường Lê Duẩn',
    'khu dân cư Bồng Giang',
  ],
  thachKhe: ['thôn Liên Quang', 'thôn Hòa Bình', 'khu vực bãi biển Thạch Khê', 'thôn Tân Phú'],
  camBinh: ['thôn Trung Hòa', 'thôn Bình Phúc', 'kênh N1', 'đường liên xã'],
  ttThachHa: ['khối 4', 'Quốc lộ 1A đoạn qua Thạch Hà', 'khu vực chợ Thạch Hà', 'khối 7'],
  camXuyen: ['tổ dân phố 6', 'đường Hà Huy Tập', 'khu vực chợ Cẩm Xuyên', 'tổ dân phố 11'],
  thienCam: ['khu du lịch biển Thiên Cầm', 'tổ dân phố Tân Phú', 'đường ven biển', 'bến cá'],
  vuQuang: ['tổ dân phố 2', 'đường Hồ Chí Minh đoạn qua Vũ Quang', 'khu vực chợ Vũ Quang'],
} as const;

type Place = Pick<DemoCommune, 'code' | 'name' | 'ascii' | 'spots'>;
const place = (code: string, name: string, ascii: string, spots: readonly string[]): Place => ({
  code,
  name,
  ascii,
  spots,
});

/** Under a district (or the city), before 1 July 2025: the district answers local matters. */
function underDistrict(p: Place, district: string, areaName: string): DemoCommune {
  return {
    ...p,
    areaName,
    local: district,
    // Cẩm Xuyên's own office for natural resources worked its land and environment cases.
    land: district === 'huyen-cam-xuyen' ? district : TNMT,
    environment: district === 'huyen-cam-xuyen' ? district : TNMT,
    landDepartment: TNMT,
    roads: GTVT,
  };
}

/** Since 1 July 2025: the commune or ward answers its local matters itself. */
function twoLevel(p: Place, areaName: string, own: { land?: boolean; env?: boolean }) {
  return {
    ...p,
    areaName,
    local: p.code,
    land: own.land ? p.code : NNMT,
    environment: own.env ? p.code : NNMT,
    landDepartment: NNMT,
    roads: XD,
  } satisfies DemoCommune;
}

const TP = ['tp-ha-tinh', 'thành phố Hà Tĩnh'] as const;
const TH = ['huyen-thach-ha', 'huyện Thạch Hà'] as const;
const CX = ['huyen-cam-xuyen', 'huyện Cẩm Xuyên'] as const;
const VQ = ['huyen-vu-quang', 'huyện Vũ Quang'] as const;

/** Early 2025: the communes of the demo under their city or district. */
export const FORMER_COMMUNES: readonly DemoCommune[] = [
  underDistrict(place('phuong-bac-ha', 'phường Bắc Hà', 'phuong Bac Ha', SPOTS.bacHa), ...TP),
  underDistrict(place('phuong-nam-ha', 'phường Nam Hà', 'phuong Nam Ha', SPOTS.namHa), ...TP),
  {
    // The ward had its own staff for environment and order before the reform too.
    ...underDistrict(
      place('phuong-thach-ha', 'phường Thạch Hạ', 'phuong Thach Ha', SPOTS.thachHa),
      ...TP,
    ),
    environment: 'phuong-thach-ha',
  },
  underDistrict(
    place('phuong-thach-trung', 'phường Thạch Trung', 'phuong Thach Trung', SPOTS.thachTrung),
    ...TP,
  ),
  underDistrict(place('xa-thach-khe-cu', 'xã Thạch Khê', 'xa Thach Khe', SPOTS.thachKhe), ...TP),
  underDistrict(place('xa-cam-binh-cu', 'xã Cẩm Bình', 'xa Cam Binh', SPOTS.camBinh), ...TP),
  underDistrict(
    place('thi-tran-thach-ha', 'thị trấn Thạch Hà', 'thi tran Thach Ha', SPOTS.ttThachHa),
    ...TH,
  ),
  underDistrict(
    place('thi-tran-cam-xuyen', 'thị trấn Cẩm Xuyên', 'thi tran Cam Xuyen', SPOTS.camXuyen),
    ...CX,
  ),
  underDistrict(
    place('thi-tran-thien-cam', 'thị trấn Thiên Cầm', 'thi tran Thien Cam', SPOTS.thienCam),
    ...CX,
  ),
  underDistrict(
    place('thi-tran-vu-quang', 'thị trấn Vũ Quang', 'thi tran Vu Quang', SPOTS.vuQuang),
    ...VQ,
  ),
];

/** Since 1 July 2025: a sample of the province's 69 communes and wards. */
export const PRESENT_COMMUNES: readonly DemoCommune[] = [
  twoLevel(
    place('phuong-thanh-sen', 'phường Thành Sen', 'phuong Thanh Sen', [
      ...SPOTS.bacHa,
      ...SPOTS.namHa,
    ]),
    'trung tâm tỉnh',
    {},
  ),
  twoLevel(
    place('phuong-tran-phu', 'phường Trần Phú', 'phuong Tran Phu', SPOTS.thachTrung),
    'trung tâm tỉnh',
    {},
  ),
  twoLevel(
    place('phuong-ha-huy-tap', 'phường Hà Huy Tập', 'phuong Ha Huy Tap', SPOTS.thachHa),
    'trung tâm tỉnh',
    { env: true },
  ),
  twoLevel(
    place('xa-thach-khe', 'xã Thạch Khê', 'xa Thach Khe', SPOTS.thachKhe),
    'khu vực Thạch Hà',
    {},
  ),
  twoLevel(
    place('xa-cam-binh', 'xã Cẩm Bình', 'xa Cam Binh', SPOTS.camBinh),
    'khu vực Cẩm Xuyên',
    {},
  ),
  twoLevel(
    place('xa-thach-ha', 'xã Thạch Hà', 'xa Thach Ha', SPOTS.ttThachHa),
    'khu vực Thạch Hà',
    {},
  ),
  twoLevel(
    place('xa-cam-xuyen', 'xã Cẩm Xuyên', 'xa Cam Xuyen', SPOTS.camXuyen),
    'khu vực Cẩm Xuyên',
    {
      land: true,
      env: true,
    },
  ),
  twoLevel(
    place('xa-thien-cam', 'xã Thiên Cầm', 'xa Thien Cam', SPOTS.thienCam),
    'khu vực Cẩm Xuyên',
    {},
  ),
  twoLevel(
    place('xa-vu-quang', 'xã Vũ Quang', 'xa Vu Quang', SPOTS.vuQuang),
    'khu vực Vũ Quang',
    {},
  ),
];

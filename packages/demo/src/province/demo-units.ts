/**
 * The demo province's units, as they stood when the service went live (early 2025) and as they
 * stand today. Since 1 March 2025 Hà Tĩnh's departments are the merged ones (Quyết định
 * 347/QĐ-UBND and the province's resolution: Tài chính + Kế hoạch và Đầu tư, Xây dựng + Giao
 * thông vận tải, Nông nghiệp và PTNT + Tài nguyên và Môi trường, Nội vụ + Lao động – Thương binh
 * và Xã hội, Khoa học và Công nghệ + Thông tin và Truyền thông, Sở Dân tộc và Tôn giáo); since
 * 1 July 2025 local government has two levels, the province and its 69 communes and wards
 * (Nghị quyết 1665/NQ-UBTVQH15), without districts.
 *
 * Both are loaded, the new units set up ahead of the reform as the province did. The demo
 * history (packages/core demo-history) then replays cases of early 2025 with the former units
 * and carries out the reorganisation through the unit-merge use case on its dates
 * (`DEMO_REORGANISATION`): the former units end inactive, merged into today's, with their
 * closed cases and report facts kept for their past.
 */
import type { DemoUnit } from './demo-types.js';

const province = (code: string, name: string, nameEn: string, kind: DemoUnit['kind']) =>
  ({ code, name, nameEn, kind, parentCode: 'ubnd-tinh' }) satisfies DemoUnit;
const under = (parentCode: string, code: string, name: string, nameEn: string): DemoUnit => ({
  code,
  name,
  nameEn,
  kind: 'commune',
  parentCode,
});

/** The province, its triage centre and the units that exist today. */
const PRESENT: DemoUnit[] = [
  {
    code: 'ubnd-tinh',
    name: 'UBND tỉnh Hà Tĩnh',
    nameEn: 'Hà Tĩnh Provincial People’s Committee',
    kind: 'province',
    parentCode: null,
  },
  {
    ...province(
      'tt-phvhcc',
      'Trung tâm Phục vụ hành chính công tỉnh',
      'Provincial Public Administration Service Centre',
      'agency',
    ),
    isTriage: true,
  },
  province('so-noi-vu', 'Sở Nội vụ', 'Department of Home Affairs', 'department'),
  province('so-tai-chinh', 'Sở Tài chính', 'Department of Finance', 'department'),
  province(
    'so-nong-nghiep-moi-truong',
    'Sở Nông nghiệp và Môi trường',
    'Department of Agriculture and Environment',
    'department',
  ),
  province('so-xay-dung', 'Sở Xây dựng', 'Department of Construction', 'department'),
  province(
    'so-khoa-hoc-cong-nghe',
    'Sở Khoa học và Công nghệ',
    'Department of Science and Technology',
    'department',
  ),
  province(
    'so-dan-toc-ton-giao',
    'Sở Dân tộc và Tôn giáo',
    'Department of Ethnic Minorities and Religions',
    'department',
  ),
  province('so-y-te', 'Sở Y tế', 'Department of Health', 'department'),
  province(
    'so-giao-duc-dao-tao',
    'Sở Giáo dục và Đào tạo',
    'Department of Education and Training',
    'department',
  ),
  province('cong-an-tinh', 'Công an tỉnh', 'Provincial Police', 'department'),
  province('thanh-tra-tinh', 'Thanh tra tỉnh', 'Provincial Inspectorate', 'department'),

  // A sample of the 69 communes and wards, directly under the province.
  province(
    'phuong-thanh-sen',
    'UBND phường Thành Sen',
    'Thành Sen Ward People’s Committee',
    'commune',
  ),
  province(
    'phuong-tran-phu',
    'UBND phường Trần Phú',
    'Trần Phú Ward People’s Committee',
    'commune',
  ),
  province(
    'phuong-ha-huy-tap',
    'UBND phường Hà Huy Tập',
    'Hà Huy Tập Ward People’s Committee',
    'commune',
  ),
  province('xa-thach-khe', 'UBND xã Thạch Khê', 'Thạch Khê Commune People’s Committee', 'commune'),
  province('xa-cam-binh', 'UBND xã Cẩm Bình', 'Cẩm Bình Commune People’s Committee', 'commune'),
  province('xa-thach-ha', 'UBND xã Thạch Hà', 'Thạch Hà Commune People’s Committee', 'commune'),
  province('xa-cam-xuyen', 'UBND xã Cẩm Xuyên', 'Cẩm Xuyên Commune People’s Committee', 'commune'),
  province('xa-thien-cam', 'UBND xã Thiên Cầm', 'Thiên Cầm Commune People’s Committee', 'commune'),
  province('xa-vu-quang', 'UBND xã Vũ Quang', 'Vũ Quang Commune People’s Committee', 'commune'),
];

/** Departments merged on 1 March 2025. */
const FORMER_DEPARTMENTS: DemoUnit[] = [
  province(
    'so-ke-hoach-dau-tu',
    'Sở Kế hoạch và Đầu tư',
    'Department of Planning and Investment',
    'department',
  ),
  province(
    'so-tai-nguyen-moi-truong',
    'Sở Tài nguyên và Môi trường',
    'Department of Natural Resources and Environment',
    'department',
  ),
  province(
    'so-nong-nghiep-ptnt',
    'Sở Nông nghiệp và Phát triển nông thôn',
    'Department of Agriculture and Rural Development',
    'department',
  ),
  province(
    'so-giao-thong-van-tai',
    'Sở Giao thông vận tải',
    'Department of Transport',
    'department',
  ),
  province(
    'so-lao-dong-tbxh',
    'Sở Lao động - Thương binh và Xã hội',
    'Department of Labour, Invalids and Social Affairs',
    'department',
  ),
  province(
    'so-thong-tin-truyen-thong',
    'Sở Thông tin và Truyền thông',
    'Department of Information and Communications',
    'department',
  ),
  province(
    'ban-dan-toc',
    'Ban Dân tộc tỉnh',
    'Provincial Ethnic Minorities Committee',
    'department',
  ),
];

/** The city and districts, and the communes under them, until 30 June 2025. */
const FORMER_LOCAL: DemoUnit[] = [
  province('tp-ha-tinh', 'UBND thành phố Hà Tĩnh', 'Hà Tĩnh City People’s Committee', 'district'),
  under('tp-ha-tinh', 'phuong-bac-ha', 'UBND phường Bắc Hà', 'Bắc Hà Ward People’s Committee'),
  under('tp-ha-tinh', 'phuong-nam-ha', 'UBND phường Nam Hà', 'Nam Hà Ward People’s Committee'),
  under(
    'tp-ha-tinh',
    'phuong-thach-ha',
    'UBND phường Thạch Hạ',
    'Thạch Hạ Ward People’s Committee',
  ),
  under(
    'tp-ha-tinh',
    'phuong-thach-trung',
    'UBND phường Thạch Trung',
    'Thạch Trung Ward People’s Committee',
  ),
  under('tp-ha-tinh', 'xa-thach-khe-cu', 'UBND xã Thạch Khê (cũ)', 'Former Thạch Khê Commune'),
  under('tp-ha-tinh', 'xa-cam-binh-cu', 'UBND xã Cẩm Bình (cũ)', 'Former Cẩm Bình Commune'),

  province(
    'huyen-thach-ha',
    'UBND huyện Thạch Hà',
    'Thạch Hà District People’s Committee',
    'district',
  ),
  under(
    'huyen-thach-ha',
    'thi-tran-thach-ha',
    'UBND thị trấn Thạch Hà',
    'Thạch Hà Town People’s Committee',
  ),

  province(
    'huyen-cam-xuyen',
    'UBND huyện Cẩm Xuyên',
    'Cẩm Xuyên District People’s Committee',
    'district',
  ),
  under(
    'huyen-cam-xuyen',
    'thi-tran-cam-xuyen',
    'UBND thị trấn Cẩm Xuyên',
    'Cẩm Xuyên Town People’s Committee',
  ),
  under(
    'huyen-cam-xuyen',
    'thi-tran-thien-cam',
    'UBND thị trấn Thiên Cầm',
    'Thiên Cầm Town People’s Committee',
  ),

  province(
    'huyen-vu-quang',
    'UBND huyện Vũ Quang',
    'Vũ Quang District People’s Committee',
    'district',
  ),
  under(
    'huyen-vu-quang',
    'thi-tran-vu-quang',
    'UBND thị trấn Vũ Quang',
    'Vũ Quang Town People’s Committee',
  ),
];

export const DEMO_UNITS: DemoUnit[] = [...PRESENT, ...FORMER_DEPARTMENTS, ...FORMER_LOCAL];

/**
 * The reorganisation, in the order it is carried out: each former unit merged into the unit that
 * took over its work (communes before their district, whose remaining children follow it).
 */
export const DEMO_REORGANISATION: readonly {
  /** Local midnight the merge took effect. */
  effective: string;
  merges: readonly (readonly [from: string, into: string])[];
}[] = [
  {
    effective: '2025-03-01',
    merges: [
      ['so-ke-hoach-dau-tu', 'so-tai-chinh'],
      ['so-tai-nguyen-moi-truong', 'so-nong-nghiep-moi-truong'],
      ['so-nong-nghiep-ptnt', 'so-nong-nghiep-moi-truong'],
      ['so-giao-thong-van-tai', 'so-xay-dung'],
      ['so-lao-dong-tbxh', 'so-noi-vu'],
      ['so-thong-tin-truyen-thong', 'so-khoa-hoc-cong-nghe'],
      ['ban-dan-toc', 'so-dan-toc-ton-giao'],
    ],
  },
  {
    effective: '2025-07-01',
    merges: [
      ['phuong-bac-ha', 'phuong-thanh-sen'],
      ['phuong-nam-ha', 'phuong-thanh-sen'],
      ['phuong-thach-trung', 'phuong-tran-phu'],
      ['phuong-thach-ha', 'phuong-ha-huy-tap'],
      ['xa-thach-khe-cu', 'xa-thach-khe'],
      ['xa-cam-binh-cu', 'xa-cam-binh'],
      ['thi-tran-thach-ha', 'xa-thach-ha'],
      ['thi-tran-cam-xuyen', 'xa-cam-xuyen'],
      ['thi-tran-thien-cam', 'xa-thien-cam'],
      ['thi-tran-vu-quang', 'xa-vu-quang'],
      // A district's staff went to the commune at its former seat.
      ['tp-ha-tinh', 'phuong-thanh-sen'],
      ['huyen-thach-ha', 'xa-thach-ha'],
      ['huyen-cam-xuyen', 'xa-cam-xuyen'],
      ['huyen-vu-quang', 'xa-vu-quang'],
    ],
  },
];

/**
 * The demo's officials, in the units they held when the service went live (early 2025). The
 * reorganisation (demo-units.ts) moves those of merged units into the units that took over;
 * `DEMO_TITLES_AFTER_REFORM` are the titles they hold since. Every person, e-mail address and
 * phone number here is invented.
 */
import type { DemoOfficial } from './demo-types.js';

export const DEMO_OFFICIALS: DemoOfficial[] = [
  // UBND tỉnh
  {
    fullName: 'Trịnh Quang Vinh',
    email: 'vinhtq@hatinh.gov.vn',
    phone: '+84912000101',
    title: 'Chủ tịch UBND tỉnh',
    unitCode: 'ubnd-tinh',
    roles: ['hotline_owner', 'unit_leader'],
  },
  {
    fullName: 'Hồ Thị Minh Nguyệt',
    email: 'nguyethtm@hatinh.gov.vn',
    phone: '+84912000102',
    title: 'Chánh Văn phòng UBND tỉnh',
    unitCode: 'ubnd-tinh',
    roles: ['supervisor'],
  },

  // Trung tâm Phục vụ hành chính công tỉnh (đầu mối tiếp nhận, phân loại)
  {
    fullName: 'Phan Đức Trung',
    email: 'trungpd@hatinh.gov.vn',
    phone: '+84912000201',
    title: 'Giám đốc Trung tâm Phục vụ hành chính công tỉnh',
    unitCode: 'tt-phvhcc',
    roles: ['unit_leader', 'hotline_owner'],
  },
  {
    fullName: 'Nguyễn Thị Hoài Thương',
    email: 'thuongnth@hatinh.gov.vn',
    phone: '+84912000202',
    title: 'Tiếp nhận viên',
    unitCode: 'tt-phvhcc',
    roles: ['operator'],
  },
  {
    fullName: 'Trần Văn Lộc',
    email: 'loctv@hatinh.gov.vn',
    phone: '+84912000203',
    title: 'Tiếp nhận viên',
    unitCode: 'tt-phvhcc',
    roles: ['operator'],
  },
  {
    fullName: 'Võ Minh Tuấn',
    email: 'tuanvm@hatinh.gov.vn',
    phone: '+84912000204',
    title: 'Chuyên viên quản trị hệ thống',
    unitCode: 'tt-phvhcc',
    roles: ['admin'],
  },

  // Thanh tra tỉnh
  {
    fullName: 'Bùi Xuân Trường',
    email: 'truongbx@hatinh.gov.vn',
    phone: '+84983000301',
    title: 'Chánh Thanh tra tỉnh',
    unitCode: 'thanh-tra-tinh',
    roles: ['unit_leader', 'supervisor'],
  },

  // Sở Tài nguyên và Môi trường
  {
    fullName: 'Dương Văn Thịnh',
    email: 'thinhdv@hatinh.gov.vn',
    phone: '+84983000401',
    title: 'Giám đốc Sở Tài nguyên và Môi trường',
    unitCode: 'so-tai-nguyen-moi-truong',
    roles: ['unit_leader'],
  },
  {
    fullName: 'Lê Thị Ngọc Ánh',
    email: 'anhltn@hatinh.gov.vn',
    phone: '+84983000402',
    title: 'Chuyên viên Phòng Quản lý đất đai',
    unitCode: 'so-tai-nguyen-moi-truong',
    roles: ['handler'],
  },
  {
    fullName: 'Nguyễn Hữu Phước',
    email: 'phuocnh@hatinh.gov.vn',
    phone: '+84983000403',
    title: 'Chuyên viên Chi cục Bảo vệ môi trường',
    unitCode: 'so-tai-nguyen-moi-truong',
    roles: ['handler'],
  },

  // Sở Xây dựng
  {
    fullName: 'Hoàng Minh Khôi',
    email: 'khoihm@hatinh.gov.vn',
    phone: '+84983000501',
    title: 'Giám đốc Sở Xây dựng',
    unitCode: 'so-xay-dung',
    roles: ['unit_leader'],
  },
  {
    fullName: 'Đinh Thị Phương Lan',
    email: 'landtp@hatinh.gov.vn',
    phone: '+84983000502',
    title: 'Chuyên viên Phòng Quản lý xây dựng',
    unitCode: 'so-xay-dung',
    roles: ['handler'],
  },

  // Sở Giao thông vận tải
  {
    fullName: 'Thái Văn Hưng',
    email: 'hungtv@hatinh.gov.vn',
    phone: '+84983000601',
    title: 'Phó Giám đốc Sở Giao thông vận tải',
    unitCode: 'so-giao-thong-van-tai',
    roles: ['unit_leader'],
  },
  {
    fullName: 'Cao Thị Tuyết Mai',
    email: 'maictt@hatinh.gov.vn',
    phone: '+84983000602',
    title: 'Chuyên viên Phòng Quản lý kết cấu hạ tầng giao thông',
    unitCode: 'so-giao-thong-van-tai',
    roles: ['handler'],
  },

  // UBND thành phố Hà Tĩnh
  {
    fullName: 'Nguyễn Văn Kiên',
    email: 'kiennv.tp@hatinh.gov.vn',
    phone: '+84356000701',
    title: 'Chủ tịch UBND thành phố Hà Tĩnh',
    unitCode: 'tp-ha-tinh',
    roles: ['hotline_owner', 'unit_leader'],
  },
  {
    fullName: 'Trần Thị Bích Ngọc',
    email: 'ngocttb.tp@hatinh.gov.vn',
    phone: '+84356000702',
    title: 'Chuyên viên Văn phòng HĐND và UBND thành phố',
    unitCode: 'tp-ha-tinh',
    roles: ['handler'],
  },
  {
    fullName: 'Lê Văn Hiếu',
    email: 'hieulv.thachha@hatinh.gov.vn',
    phone: '+84356000703',
    title: 'Chủ tịch UBND phường Thạch Hạ',
    unitCode: 'phuong-thach-ha',
    roles: ['unit_leader', 'handler'],
  },

  // UBND huyện Thạch Hà
  {
    fullName: 'Lê Đình Phúc',
    email: 'phucld.th@hatinh.gov.vn',
    phone: '+84356000801',
    title: 'Chủ tịch UBND huyện Thạch Hà',
    unitCode: 'huyen-thach-ha',
    roles: ['hotline_owner', 'unit_leader'],
  },
  {
    fullName: 'Phạm Thị Thanh Tâm',
    email: 'tamptt.th@hatinh.gov.vn',
    phone: '+84356000802',
    title: 'Chuyên viên Văn phòng HĐND và UBND huyện',
    unitCode: 'huyen-thach-ha',
    roles: ['handler'],
  },

  // UBND huyện Cẩm Xuyên
  {
    fullName: 'Võ Đại Nam',
    email: 'namvd.cx@hatinh.gov.vn',
    phone: '+84356000901',
    title: 'Phó Chủ tịch UBND huyện Cẩm Xuyên',
    unitCode: 'huyen-cam-xuyen',
    roles: ['unit_leader'],
  },
  {
    fullName: 'Hồ Văn Định',
    email: 'dinhhv.cx@hatinh.gov.vn',
    phone: '+84356000902',
    title: 'Chuyên viên Phòng Tài nguyên và Môi trường huyện',
    unitCode: 'huyen-cam-xuyen',
    roles: ['handler'],
  },

  // UBND huyện Vũ Quang
  {
    fullName: 'Phan Thị Kim Liên',
    email: 'lienptk.vq@hatinh.gov.vn',
    phone: '+84356001001',
    title: 'Chủ tịch UBND huyện Vũ Quang',
    unitCode: 'huyen-vu-quang',
    roles: ['hotline_owner', 'unit_leader'],
  },
  {
    fullName: 'Trần Đình Sơn',
    email: 'sontd.vq@hatinh.gov.vn',
    phone: '+84356001002',
    title: 'Chuyên viên Văn phòng HĐND và UBND huyện',
    unitCode: 'huyen-vu-quang',
    roles: ['handler'],
  },

  // Communes and wards formed on 1 July 2025 with people of their own (set up ahead of the
  // reform); the others took over the staff of the units merged into them.
  {
    fullName: 'Đặng Quốc Bảo',
    email: 'baodq.tranphu@hatinh.gov.vn',
    phone: '+84356001101',
    title: 'Chủ tịch UBND phường Trần Phú',
    unitCode: 'phuong-tran-phu',
    roles: ['unit_leader', 'handler'],
  },
  {
    fullName: 'Ngô Thị Hồng Nhung',
    email: 'nhungnth.thachkhe@hatinh.gov.vn',
    phone: '+84356001201',
    title: 'Chủ tịch UBND xã Thạch Khê',
    unitCode: 'xa-thach-khe',
    roles: ['unit_leader', 'handler'],
  },
  {
    fullName: 'Trương Văn Tài',
    email: 'taitv.cambinh@hatinh.gov.vn',
    phone: '+84356001301',
    title: 'Chủ tịch UBND xã Cẩm Bình',
    unitCode: 'xa-cam-binh',
    roles: ['unit_leader', 'handler'],
  },
  {
    fullName: 'Đậu Thị Hạnh',
    email: 'hanhdt.thiencam@hatinh.gov.vn',
    phone: '+84356001401',
    title: 'Chủ tịch UBND xã Thiên Cầm',
    unitCode: 'xa-thien-cam',
    roles: ['unit_leader', 'handler'],
  },
];

/** Titles changed with the reorganisation (by e-mail), as the administrator records them. */
export const DEMO_TITLES_AFTER_REFORM: Readonly<Record<string, string>> = {
  'thinhdv@hatinh.gov.vn': 'Giám đốc Sở Nông nghiệp và Môi trường',
  'anhltn@hatinh.gov.vn': 'Chuyên viên Phòng Quản lý đất đai, Sở Nông nghiệp và Môi trường',
  'phuocnh@hatinh.gov.vn': 'Chuyên viên Chi cục Bảo vệ môi trường, Sở Nông nghiệp và Môi trường',
  'hungtv@hatinh.gov.vn': 'Phó Giám đốc Sở Xây dựng',
  'maictt@hatinh.gov.vn': 'Chuyên viên Phòng Quản lý kết cấu hạ tầng giao thông, Sở Xây dựng',
  'kiennv.tp@hatinh.gov.vn': 'Chủ tịch UBND phường Thành Sen',
  'ngocttb.tp@hatinh.gov.vn': 'Chuyên viên Văn phòng HĐND và UBND phường Thành Sen',
  'hieulv.thachha@hatinh.gov.vn': 'Chủ tịch UBND phường Hà Huy Tập',
  'phucld.th@hatinh.gov.vn': 'Chủ tịch UBND xã Thạch Hà',
  'tamptt.th@hatinh.gov.vn': 'Chuyên viên Văn phòng HĐND và UBND xã Thạch Hà',
  'namvd.cx@hatinh.gov.vn': 'Chủ tịch UBND xã Cẩm Xuyên',
  'dinhhv.cx@hatinh.gov.vn':
    'Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường xã Cẩm Xuyên',
  'lienptk.vq@hatinh.gov.vn': 'Chủ tịch UBND xã Vũ Quang',
  'sontd.vq@hatinh.gov.vn': 'Chuyên viên Văn phòng HĐND và UBND xã Vũ Quang',
};

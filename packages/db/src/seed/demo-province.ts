/**
 * Demo data: a realistic sample of Hà Tĩnh province for the Hotline service.
 *
 * The structure (UBND tỉnh, Trung tâm Phục vụ hành chính công tỉnh, the sở/ngành, TP Hà Tĩnh,
 * huyện Thạch Hà, Cẩm Xuyên, Vũ Quang and their communes; leaders publishing their own hotline
 * numbers) follows the press articles in /work/shared/seeds. It is a snapshot from before the
 * 2025 reorganisation: the district level still exists and departments keep their old names
 * (Sở Kế hoạch và Đầu tư, Sở Tài nguyên và Môi trường, Sở Giao thông vận tải…).
 *
 * Every person, e-mail address and phone number here is invented: officials are not the real
 * office holders named in the articles, and no number is a real published hotline.
 */
import type { DemoProvince } from './demo-types.js';

export const demoProvince: DemoProvince = {
  units: [
    // Cấp tỉnh
    { code: 'ubnd-tinh', name: 'UBND tỉnh Hà Tĩnh', kind: 'province', parentCode: null },
    {
      code: 'tt-phvhcc',
      name: 'Trung tâm Phục vụ hành chính công tỉnh',
      kind: 'agency',
      parentCode: 'ubnd-tinh',
      isTriage: true,
    },

    // Sở, ban, ngành
    { code: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'department', parentCode: 'ubnd-tinh' },
    {
      code: 'so-ke-hoach-dau-tu',
      name: 'Sở Kế hoạch và Đầu tư',
      kind: 'department',
      parentCode: 'ubnd-tinh',
    },
    {
      code: 'so-tai-nguyen-moi-truong',
      name: 'Sở Tài nguyên và Môi trường',
      kind: 'department',
      parentCode: 'ubnd-tinh',
    },
    { code: 'so-xay-dung', name: 'Sở Xây dựng', kind: 'department', parentCode: 'ubnd-tinh' },
    {
      code: 'so-giao-thong-van-tai',
      name: 'Sở Giao thông vận tải',
      kind: 'department',
      parentCode: 'ubnd-tinh',
    },
    { code: 'so-y-te', name: 'Sở Y tế', kind: 'department', parentCode: 'ubnd-tinh' },
    {
      code: 'so-giao-duc-dao-tao',
      name: 'Sở Giáo dục và Đào tạo',
      kind: 'department',
      parentCode: 'ubnd-tinh',
    },
    {
      code: 'so-lao-dong-tbxh',
      name: 'Sở Lao động - Thương binh và Xã hội',
      kind: 'department',
      parentCode: 'ubnd-tinh',
    },
    { code: 'cong-an-tinh', name: 'Công an tỉnh', kind: 'department', parentCode: 'ubnd-tinh' },
    { code: 'thanh-tra-tinh', name: 'Thanh tra tỉnh', kind: 'department', parentCode: 'ubnd-tinh' },

    // Thành phố Hà Tĩnh
    {
      code: 'tp-ha-tinh',
      name: 'UBND thành phố Hà Tĩnh',
      kind: 'district',
      parentCode: 'ubnd-tinh',
    },
    {
      code: 'phuong-bac-ha',
      name: 'UBND phường Bắc Hà',
      kind: 'commune',
      parentCode: 'tp-ha-tinh',
    },
    {
      code: 'phuong-nam-ha',
      name: 'UBND phường Nam Hà',
      kind: 'commune',
      parentCode: 'tp-ha-tinh',
    },
    { code: 'xa-thach-ha', name: 'UBND xã Thạch Hạ', kind: 'commune', parentCode: 'tp-ha-tinh' },
    {
      code: 'xa-thach-trung',
      name: 'UBND xã Thạch Trung',
      kind: 'commune',
      parentCode: 'tp-ha-tinh',
    },

    // Huyện Thạch Hà
    {
      code: 'huyen-thach-ha',
      name: 'UBND huyện Thạch Hà',
      kind: 'district',
      parentCode: 'ubnd-tinh',
    },
    {
      code: 'thi-tran-thach-ha',
      name: 'UBND thị trấn Thạch Hà',
      kind: 'commune',
      parentCode: 'huyen-thach-ha',
    },
    {
      code: 'xa-thach-khe',
      name: 'UBND xã Thạch Khê',
      kind: 'commune',
      parentCode: 'huyen-thach-ha',
    },
    {
      code: 'xa-thach-dai',
      name: 'UBND xã Thạch Đài',
      kind: 'commune',
      parentCode: 'huyen-thach-ha',
    },

    // Huyện Cẩm Xuyên
    {
      code: 'huyen-cam-xuyen',
      name: 'UBND huyện Cẩm Xuyên',
      kind: 'district',
      parentCode: 'ubnd-tinh',
    },
    {
      code: 'thi-tran-cam-xuyen',
      name: 'UBND thị trấn Cẩm Xuyên',
      kind: 'commune',
      parentCode: 'huyen-cam-xuyen',
    },
    {
      code: 'thi-tran-thien-cam',
      name: 'UBND thị trấn Thiên Cầm',
      kind: 'commune',
      parentCode: 'huyen-cam-xuyen',
    },
    {
      code: 'xa-cam-binh',
      name: 'UBND xã Cẩm Bình',
      kind: 'commune',
      parentCode: 'huyen-cam-xuyen',
    },

    // Huyện Vũ Quang
    {
      code: 'huyen-vu-quang',
      name: 'UBND huyện Vũ Quang',
      kind: 'district',
      parentCode: 'ubnd-tinh',
    },
    {
      code: 'thi-tran-vu-quang',
      name: 'UBND thị trấn Vũ Quang',
      kind: 'commune',
      parentCode: 'huyen-vu-quang',
    },
    { code: 'xa-an-phu', name: 'UBND xã Ân Phú', kind: 'commune', parentCode: 'huyen-vu-quang' },
    {
      code: 'xa-duc-linh',
      name: 'UBND xã Đức Lĩnh',
      kind: 'commune',
      parentCode: 'huyen-vu-quang',
    },
  ],

  officials: [
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
      title: 'Chủ tịch UBND xã Thạch Hạ',
      unitCode: 'xa-thach-ha',
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
  ],

  hotlines: [
    {
      number: '+84913000000',
      displayNumber: '0913 000 000',
      name: 'Đường dây nóng Chủ tịch UBND tỉnh',
      ownerEmail: 'vinhtq@hatinh.gov.vn',
      unitCode: 'ubnd-tinh',
    },
    {
      number: '+842393880000',
      displayNumber: '0239 3880 000',
      name: 'Đường dây nóng Trung tâm Phục vụ hành chính công tỉnh',
      ownerEmail: 'trungpd@hatinh.gov.vn',
      unitCode: 'tt-phvhcc',
    },
    {
      number: '+842393850000',
      displayNumber: '0239 3850 000',
      name: 'Đường dây nóng Chủ tịch UBND thành phố Hà Tĩnh',
      ownerEmail: 'kiennv.tp@hatinh.gov.vn',
      unitCode: 'tp-ha-tinh',
    },
    {
      number: '+84919000000',
      displayNumber: '0919 000 000',
      name: 'Đường dây nóng Chủ tịch UBND huyện Thạch Hà',
      ownerEmail: 'phucld.th@hatinh.gov.vn',
      unitCode: 'huyen-thach-ha',
    },
    {
      number: '+84389000000',
      displayNumber: '0389 000 000',
      name: 'Đường dây nóng Chủ tịch UBND huyện Vũ Quang',
      ownerEmail: 'lienptk.vq@hatinh.gov.vn',
      unitCode: 'huyen-vu-quang',
    },
  ],

  categories: [
    {
      code: 'dat-dai',
      name: 'Đất đai',
      description: 'Cấp giấy chứng nhận, giao đất, thu hồi, bồi thường, tranh chấp, lấn chiếm đất.',
      keywords: 'sổ đỏ, giải phóng mặt bằng, tranh chấp đất',
      groupName: 'Tài nguyên',
    },
    {
      code: 'moi-truong',
      name: 'Môi trường',
      description: 'Ô nhiễm không khí, nước, tiếng ồn, rác thải và xả thải của cơ sở sản xuất.',
      keywords: 'rác thải, ô nhiễm, tiếng ồn, nước thải',
      groupName: 'Tài nguyên',
    },
    {
      code: 'xay-dung',
      name: 'Xây dựng, trật tự đô thị',
      description: 'Xây dựng trái phép, sai phép, lấn chiếm vỉa hè và chỉnh trang đô thị.',
      keywords: 'xây trái phép, vỉa hè, trật tự đô thị',
      groupName: 'Đô thị',
    },
    {
      code: 'giao-thong',
      name: 'Giao thông',
      description: 'Hư hỏng đường sá, cầu cống, đèn tín hiệu, biển báo và an toàn giao thông.',
      keywords: 'ổ gà, đèn giao thông, biển báo, cầu',
      groupName: 'Đô thị',
    },
    {
      code: 'thu-tuc-hanh-chinh',
      name: 'Thủ tục hành chính',
      description: 'Hồ sơ chậm, trễ hẹn, yêu cầu giấy tờ ngoài quy định, dịch vụ công trực tuyến.',
      keywords: 'hồ sơ, trễ hẹn, dịch vụ công',
      groupName: 'Hành chính',
    },
    {
      code: 'thai-do-can-bo',
      name: 'Thái độ, trách nhiệm cán bộ',
      description: 'Thái độ phục vụ, gây phiền hà, sách nhiễu, né tránh hoặc đùn đẩy trách nhiệm.',
      keywords: 'cán bộ, sách nhiễu, phiền hà',
      groupName: 'Hành chính',
    },
    {
      code: 'y-te',
      name: 'Y tế',
      description: 'Chất lượng khám chữa bệnh, bảo hiểm y tế, dịch bệnh và an toàn thực phẩm.',
    },
    {
      code: 'giao-duc',
      name: 'Giáo dục',
      description: 'Tuyển sinh, các khoản thu, dạy thêm, cơ sở vật chất trường học và học sinh.',
    },
    {
      code: 'an-ninh-trat-tu',
      name: 'An ninh, trật tự',
      description: 'Trộm cắp, tụ tập gây rối, cờ bạc, tín dụng đen và mất trật tự nơi công cộng.',
    },
    {
      code: 'dien-nuoc',
      name: 'Điện, nước sinh hoạt',
      description: 'Mất điện, mất nước, chất lượng nước sạch, hóa đơn và đấu nối điện nước.',
    },
    {
      code: 'chinh-sach-xa-hoi',
      name: 'Chính sách xã hội, người có công',
      description: 'Trợ cấp người có công, bảo trợ xã hội, hộ nghèo, lao động và việc làm.',
    },
    {
      code: 'nong-nghiep',
      name: 'Nông nghiệp, nông thôn',
      description: 'Vật tư nông nghiệp, thủy lợi, dịch bệnh cây trồng, vật nuôi và nông thôn mới.',
    },
    {
      code: 'doanh-nghiep-dau-tu',
      name: 'Doanh nghiệp, đầu tư',
      description: 'Đăng ký kinh doanh, thủ tục đầu tư, vướng mắc của doanh nghiệp và dự án.',
    },
    {
      code: 'khac',
      name: 'Khác',
      description: 'Phản ánh, kiến nghị không thuộc các lĩnh vực trên, chờ phân loại.',
    },
  ],
};

/**
 * Demo data: a realistic sample of Hà Tĩnh province for the Hotline service.
 *
 * The structure (UBND tỉnh, Trung tâm Phục vụ hành chính công tỉnh, the sở/ngành, communes and
 * wards; leaders publishing their own hotline numbers) follows the press articles in
 * /work/shared/seeds and the 2025 reorganisation (demo-units.ts): the province as the service
 * went live in early 2025, which the demo history reorganises into today's two levels.
 *
 * Every person, e-mail address and phone number here is invented: officials are not the real
 * office holders named in the articles, and no number is a real published hotline.
 */
import { DEMO_OFFICIALS } from './demo-officials.js';
import type { DemoProvince } from './demo-types.js';
import { DEMO_UNITS } from './demo-units.js';

export const demoProvince: DemoProvince = {
  units: DEMO_UNITS,
  officials: DEMO_OFFICIALS,

  hotlines: [
    {
      number: '+84913000000',
      displayNumber: '0913 000 000',
      name: 'Đường dây nóng Chủ tịch UBND tỉnh',
      nameEn: 'Hotline of the Chairman of the Provincial People’s Committee',
      ownerEmail: 'vinhtq@hatinh.gov.vn',
      unitCode: 'ubnd-tinh',
    },
    {
      number: '+842393880000',
      displayNumber: '0239 3880 000',
      name: 'Đường dây nóng Trung tâm Phục vụ hành chính công tỉnh',
      nameEn: 'Hotline of the Provincial Public Administration Service Centre',
      ownerEmail: 'trungpd@hatinh.gov.vn',
      unitCode: 'tt-phvhcc',
    },
    {
      number: '+842393850000',
      displayNumber: '0239 3850 000',
      name: 'Đường dây nóng Chủ tịch UBND thành phố Hà Tĩnh',
      nameEn: 'Hotline of the Chairman of Hà Tĩnh City',
      ownerEmail: 'kiennv.tp@hatinh.gov.vn',
      unitCode: 'tp-ha-tinh',
    },
    {
      number: '+84919000000',
      displayNumber: '0919 000 000',
      name: 'Đường dây nóng Chủ tịch UBND huyện Thạch Hà',
      nameEn: 'Hotline of the Chairman of Thạch Hà District',
      ownerEmail: 'phucld.th@hatinh.gov.vn',
      unitCode: 'huyen-thach-ha',
    },
    {
      number: '+84389000000',
      displayNumber: '0389 000 000',
      name: 'Đường dây nóng Chủ tịch UBND huyện Vũ Quang',
      nameEn: 'Hotline of the Chairman of Vũ Quang District',
      ownerEmail: 'lienptk.vq@hatinh.gov.vn',
      unitCode: 'huyen-vu-quang',
    },
  ],

  categories: [
    {
      code: 'dat-dai',
      name: 'Đất đai',
      nameEn: 'Land',
      description: 'Cấp giấy chứng nhận, giao đất, thu hồi, bồi thường, tranh chấp, lấn chiếm đất.',
      descriptionEn:
        'Land certificates, allocation, recovery, compensation, disputes and encroachment.',
      keywords: 'sổ đỏ, giải phóng mặt bằng, tranh chấp đất',
      groupName: 'Tài nguyên',
    },
    {
      code: 'moi-truong',
      name: 'Môi trường',
      nameEn: 'Environment',
      description: 'Ô nhiễm không khí, nước, tiếng ồn, rác thải và xả thải của cơ sở sản xuất.',
      descriptionEn: 'Air, water and noise pollution, waste and discharges from production sites.',
      keywords: 'rác thải, ô nhiễm, tiếng ồn, nước thải',
      groupName: 'Tài nguyên',
    },
    {
      code: 'xay-dung',
      name: 'Xây dựng, trật tự đô thị',
      nameEn: 'Construction and urban order',
      description: 'Xây dựng trái phép, sai phép, lấn chiếm vỉa hè và chỉnh trang đô thị.',
      descriptionEn:
        'Unlicensed or non-compliant building, pavement encroachment and urban upkeep.',
      keywords: 'xây trái phép, vỉa hè, trật tự đô thị',
      groupName: 'Đô thị',
    },
    {
      code: 'giao-thong',
      name: 'Giao thông',
      nameEn: 'Roads and traffic',
      description: 'Hư hỏng đường sá, cầu cống, đèn tín hiệu, biển báo và an toàn giao thông.',
      descriptionEn: 'Damaged roads, bridges and culverts, traffic lights, signs and road safety.',
      keywords: 'ổ gà, đèn giao thông, biển báo, cầu',
      groupName: 'Đô thị',
    },
    {
      code: 'thu-tuc-hanh-chinh',
      name: 'Thủ tục hành chính',
      nameEn: 'Administrative procedures',
      description: 'Hồ sơ chậm, trễ hẹn, yêu cầu giấy tờ ngoài quy định, dịch vụ công trực tuyến.',
      descriptionEn:
        'Late applications, missed appointments, papers not required by law, online public services.',
      keywords: 'hồ sơ, trễ hẹn, dịch vụ công',
      groupName: 'Hành chính',
    },
    {
      code: 'thai-do-can-bo',
      name: 'Thái độ, trách nhiệm cán bộ',
      nameEn: 'Officials’ conduct',
      description: 'Thái độ phục vụ, gây phiền hà, sách nhiễu, né tránh hoặc đùn đẩy trách nhiệm.',
      descriptionEn:
        'Officials’ attitude, harassment, extortion, evading or shifting responsibility.',
      keywords: 'cán bộ, sách nhiễu, phiền hà',
      groupName: 'Hành chính',
    },
    {
      code: 'y-te',
      name: 'Y tế',
      nameEn: 'Health',
      description: 'Chất lượng khám chữa bệnh, bảo hiểm y tế, dịch bệnh và an toàn thực phẩm.',
      descriptionEn: 'Quality of care, health insurance, epidemics and food safety.',
    },
    {
      code: 'giao-duc',
      name: 'Giáo dục',
      nameEn: 'Education',
      description: 'Tuyển sinh, các khoản thu, dạy thêm, cơ sở vật chất trường học và học sinh.',
      descriptionEn: 'Enrolment, school fees, extra classes, school buildings and pupils.',
    },
    {
      code: 'an-ninh-trat-tu',
      name: 'An ninh, trật tự',
      nameEn: 'Security and public order',
      description: 'Trộm cắp, tụ tập gây rối, cờ bạc, tín dụng đen và mất trật tự nơi công cộng.',
      descriptionEn:
        'Theft, gatherings causing disorder, gambling, loan sharks and disorder in public places.',
    },
    {
      code: 'dien-nuoc',
      name: 'Điện, nước sinh hoạt',
      nameEn: 'Electricity and water',
      description: 'Mất điện, mất nước, chất lượng nước sạch, hóa đơn và đấu nối điện nước.',
      descriptionEn: 'Power and water cuts, clean water quality, bills and connections.',
    },
    {
      code: 'chinh-sach-xa-hoi',
      name: 'Chính sách xã hội, người có công',
      nameEn: 'Social policy and people with merit',
      description: 'Trợ cấp người có công, bảo trợ xã hội, hộ nghèo, lao động và việc làm.',
      descriptionEn:
        'Allowances for people with merit, social protection, poor households, labour and jobs.',
    },
    {
      code: 'nong-nghiep',
      name: 'Nông nghiệp, nông thôn',
      nameEn: 'Agriculture and rural areas',
      description: 'Vật tư nông nghiệp, thủy lợi, dịch bệnh cây trồng, vật nuôi và nông thôn mới.',
      descriptionEn:
        'Farm supplies, irrigation, crop and livestock diseases, new rural development.',
    },
    {
      code: 'doanh-nghiep-dau-tu',
      name: 'Doanh nghiệp, đầu tư',
      nameEn: 'Business and investment',
      description: 'Đăng ký kinh doanh, thủ tục đầu tư, vướng mắc của doanh nghiệp và dự án.',
      descriptionEn:
        'Business registration, investment procedures, problems of companies and projects.',
    },
    {
      code: 'khac',
      name: 'Khác',
      nameEn: 'Other',
      description: 'Phản ánh, kiến nghị không thuộc các lĩnh vực trên, chờ phân loại.',
      descriptionEn: 'Feedback not in the fields above, awaiting classification.',
    },
  ],
};

/** The leaders' hotlines as renamed with the reorganisation of 1 July 2025 (by number). */
export const DEMO_HOTLINES_AFTER_REFORM: Readonly<
  Record<string, { name: string; nameEn: string }>
> = {
  '+842393850000': {
    name: 'Đường dây nóng Chủ tịch UBND phường Thành Sen',
    nameEn: 'Hotline of the Chairman of Thành Sen Ward',
  },
  '+84919000000': {
    name: 'Đường dây nóng Chủ tịch UBND xã Thạch Hà',
    nameEn: 'Hotline of the Chairman of Thạch Hà Commune',
  },
  '+84389000000': {
    name: 'Đường dây nóng Chủ tịch UBND xã Vũ Quang',
    nameEn: 'Hotline of the Chairman of Vũ Quang Commune',
  },
};

import { describe, expect, it } from 'vitest';
import { redactPersonalData, type KnownPersonalData } from './redact-personal-data.js';

const redact = (text: string, known?: KnownPersonalData) => redactPersonalData(text, known).text;

describe('redactPersonalData: the written forms citizens use', () => {
  it.each([
    ['Gọi tôi 0912 345 678 nhé', 'Gọi tôi [số điện thoại] nhé'],
    ['Gọi tôi 0912.345.678 nhé', 'Gọi tôi [số điện thoại] nhé'],
    ['Gọi tôi (0912) 345-678 nhé', 'Gọi tôi [số điện thoại] nhé'],
    ['Gọi tôi +84  912 345 678 nhé', 'Gọi tôi [số điện thoại] nhé'],
    ['Gọi tôi (+84) 912345678 nhé', 'Gọi tôi [số điện thoại] nhé'],
    ['Gọi tôi 84 912 345 678 nhé', 'Gọi tôi [số điện thoại] nhé'],
    ['Máy bàn (024) 3825 1234', 'Máy bàn [số điện thoại]'],
    ['sđt 09l2345678', 'sđt [số điện thoại]'],
    ['sđt O9I2 345 6B8', 'sđt [số điện thoại]'],
    ['số tôi: không chín một hai ba bốn năm sáu bảy tám', 'số tôi: [số điện thoại]'],
    ['số tôi: khong chin mot hai ba bon nam sau bay tam', 'số tôi: [số điện thoại]'],
    ['số tôi: không chín lẻ hai ba tư lăm sáu bẩy mốt', 'số tôi: [số điện thoại]'],
    ['số tôi: không chín 12 345 sáu bảy tám', 'số tôi: [số điện thoại]'],
    ['gọi ĐT 3825 123', 'gọi ĐT [số điện thoại]'],
    ['Gọi tôi 0912/345/678 nhé', 'Gọi tôi [số điện thoại] nhé'],
    ['Gọi tôi 0912,345,678 nhé', 'Gọi tôi [số điện thoại] nhé'],
    ['đồng ý 912 345 678', 'đồng ý [số điện thoại]'],
    ['ảnh anh_0912345678.jpg', 'ảnh anh_[số điện thoại].jpg'],
  ])('phone %j', (text, expected) => expect(redact(text)).toBe(expected));

  it.each([
    ['Mail long@gmail.com nhé', 'Mail [email] nhé'],
    ['Mail long[at]gmail.com nhé', 'Mail [email] nhé'],
    ['Mail long @ gmail . com nhé', 'Mail [email] nhé'],
    ['Mail long (at) gmail dot com nhé', 'Mail [email] nhé'],
    ['Mail long a còng gmail chấm com nhé', 'Mail [email] nhé'],
    ['Mail nguyen.long87@yahoo.com.vn. Cảm ơn', 'Mail [email]. Cảm ơn'],
  ])('e-mail %j', (text, expected) => expect(redact(text)).toBe(expected));

  it.each([
    ['Xe 38A-123.45 đỗ trước cổng', 'Xe [biển số xe] đỗ trước cổng'],
    ['Xe 38A12345 đỗ trước cổng', 'Xe [biển số xe] đỗ trước cổng'],
    ['Xe 29-B1 123.45 đỗ trước cổng', 'Xe [biển số xe] đỗ trước cổng'],
    ['Xe 51F 999.99 đỗ trước cổng', 'Xe [biển số xe] đỗ trước cổng'],
    ['Xe máy 38-X1 234.56 đỗ trước cổng', 'Xe máy [biển số xe] đỗ trước cổng'],
  ])('plate %j', (text, expected) => expect(redact(text)).toBe(expected));

  it.each([
    ['CCCD 038203000123 cấp ngày 12/3/2021', 'CCCD [số giấy tờ] cấp ngày 12/3/2021'],
    ['Căn cước: 038 203 000 123', 'Căn cước: [số giấy tờ]'],
    ['tôi gửi kèm 038203000123', 'tôi gửi kèm [số giấy tờ]'],
    ['CMND số 183456789', 'CMND số [số giấy tờ]'],
    ['Hộ chiếu B1234567', 'Hộ chiếu [số giấy tờ]'],
    ['STK 1903 5678 9012 34 Techcombank', 'STK [số tài khoản] Techcombank'],
    ['số tài khoản: 0123456789', 'số tài khoản: [số tài khoản]'],
    ['chuyển vào Vietcombank 0071000123456', 'chuyển vào Vietcombank [số tài khoản]'],
    ['TK Agribank 3700205123456', 'TK Agribank [số tài khoản]'],
  ])('identity and account numbers %j', (text, expected) => expect(redact(text)).toBe(expected));

  it.each([
    ['Tôi là Nguyễn Văn Long, ở xã Thạch Hạ', 'Tôi là [họ tên], ở xã Thạch Hạ'],
    ['tên là Trần Thị Hoa', 'tên là [họ tên]'],
    ['tôi tên Lan, bán hàng', 'tôi tên [họ tên], bán hàng'],
    ['Họ tên: Phạm Minh Tuấn', 'Họ tên: [họ tên]'],
    ['Ông Nguyễn Văn A lấn chiếm', 'Ông [họ tên] lấn chiếm'],
    [
      'bà Hoa, anh Hùng, chị Mai, cô Lan, chú Ba, bác Tư, em Vy, cháu Minh',
      'bà [họ tên], anh [họ tên], chị [họ tên], cô [họ tên], chú [họ tên], bác [họ tên], em [họ tên], cháu [họ tên]',
    ],
    ['đồng chí Lê Văn Sơn và đ/c Hải', 'đồng chí [họ tên] và đ/c [họ tên]'],
    ['ông/bà Đỗ Thị Thu', 'ông/bà [họ tên]'],
    ['gia đình ông Hồ Văn Bình, hộ ông Tám', 'gia đình ông [họ tên], hộ ông [họ tên]'],
    ['Cán bộ tiếp nhận: Trần Thị Hoa.', 'Cán bộ tiếp nhận: [họ tên].'],
    ['tôi tên là nguyễn văn long ở xóm trên', 'tôi tên là [họ tên] ở xóm trên'],
    ['gửi đến Nguyễn Văn A, cho Trần Thị B', 'gửi đến [họ tên], cho [họ tên]'],
    ['anh Tiến 912.345.678 nhé', 'anh [họ tên] [số điện thoại] nhé'],
    ['ong Nguyen Van A', 'ong [họ tên]'],
    ['toi la tran thi hoa, nha o xom 2', 'toi la [họ tên], nha o [địa chỉ]'],
    ['Họ tên:\nNguyễn Văn A', 'Họ tên:\n[họ tên]'],
    ['Tên: Lê Hoa, chủ tài khoản Lê Hoa', 'Tên: [họ tên], chủ tài khoản [họ tên]'],
  ])('names %j', (text, expected) => expect(redact(text)).toBe(expected));

  it.each([
    [
      'anh em trong xóm, cô giáo và bà con đều biết',
      'anh em trong xóm, cô giáo và bà con đều biết',
    ],
    ['Ông Chủ tịch UBND xã đã trả lời', 'Ông Chủ tịch UBND xã đã trả lời'],
    ['Anh Chị em chúng tôi', 'Anh Chị em chúng tôi'],
    ['đường Nguyễn Văn Cừ bị ngập', 'đường Nguyễn Văn Cừ bị ngập'],
    ['Trường THCS Nguyễn Văn Trỗi', 'Trường THCS Nguyễn Văn Trỗi'],
  ])('not names %j', (text, expected) => expect(redact(text)).toBe(expected));

  it.each([
    ['ở số 12 đường Trần Phú, phường Bắc Hà', 'ở số [địa chỉ], phường Bắc Hà'],
    ['nhà số 5 ngõ 3 phố Huế bị nứt', 'nhà số [địa chỉ] bị nứt'],
    ['ở 12/3 Nguyễn Du, phường Nam Hà', 'ở [địa chỉ], phường Nam Hà'],
    ['số nhà 45 bị ngập', 'số nhà [địa chỉ] bị ngập'],
    ['tổ 3 khối 5 phường Bắc Hà', '[địa chỉ] phường Bắc Hà'],
    ['thôn Đông, xóm 2, xã Thạch Hạ', '[địa chỉ], xã Thạch Hạ'],
    ['địa chỉ: 45A Hà Huy Tập', 'địa chỉ: [địa chỉ]'],
    ['số 1 đường Xuân Diệu, số 3 đường Trần Phú', 'số [địa chỉ], số [địa chỉ]'],
    ['số 5 Đông Hà bị ngập', 'số [địa chỉ] bị ngập'],
  ])('addresses %j', (text, expected) => expect(redact(text)).toBe(expected));

  it('keeps what is public and useful', () => {
    const text =
      'Ngày 12/3/2026 (2026-03-12) lúc 08:30, mức phạt 2.500.000 đồng theo Quyết định số 766/QĐ-TTg ' +
      'và Nghị định 100/2019/NĐ-CP; đường Trần Phú, Quốc lộ 1A, Km 12+300; mã hồ sơ K7QM-4RX9; ' +
      'tháng 3/2026; năm 2026; tổng 1.250.000.000 đồng; 15 hộ dân; phường Bắc Hà, xã Thạch Hạ.';
    expect(redactPersonalData(text)).toEqual({ text, redactions: [] });
  });

  it.each([
    'Hotline 1900 1234 của công ty điện lực',
    'Văn bản số 456/UBND-KT ngày 1/2/2026 của UBND huyện Thạch Hà',
    'Tháng 6/2025 đường 30/4 được sửa, phí 25.000 đồng/lượt, từ năm 2020 đến 2025',
    'Điều 5 Luật Đất đai, diện tích 120 m2, lúc 22h30 ngày 3/11',
    'các hộ số 12, 13, 14, 15, 16, 17, 18 và 19',
    'Trường Tiểu học số 2 Thạch Hạ và Tổ công tác số 3 Đông Hà',
    'Ông Chủ tịch và Phó Chủ tịch UBND xã, Đội Quản lý trật tự đô thị, Phòng Tài nguyên',
    'Ảnh IMG_20251015_083012.jpg và Screenshot_2025-10-15-08-30-12.png',
    'giai đoạn 2019 - 2020 - 2021, tổng 1 250 000 000 đồng, 1500000000 đồng',
    'học tập và làm theo tấm gương Bác Hồ',
  ])('keeps %j', (text) => expect(redact(text)).toBe(text));

  it('redacts a whole complaint and its answer', () => {
    expect(
      redact(
        'Tôi là Nguyễn Thị Mai, trú tại tổ dân phố 7, phường Bắc Hà. Đường Hà Huy Tập ngập sau ' +
          'mưa ngày 15/10/2025. SĐT: 0912.345.678. Trả lời: liên hệ đồng chí Trần Văn Bình, cán ' +
          'bộ địa chính, qua số 0239 3855 123; hoàn 1.500.000đ vào STK 0011004123456 Vietcombank, ' +
          'chủ tài khoản NGUYEN VAN NAM.',
      ),
    ).toBe(
      'Tôi là [họ tên], trú tại [địa chỉ], phường Bắc Hà. Đường Hà Huy Tập ngập sau ' +
        'mưa ngày 15/10/2025. SĐT: [số điện thoại]. Trả lời: liên hệ đồng chí [họ tên], cán ' +
        'bộ địa chính, qua số [số điện thoại]; hoàn 1.500.000đ vào STK [số tài khoản] Vietcombank, ' +
        'chủ tài khoản [họ tên].',
    );
  });
});

describe('redactPersonalData: what is known about the case', () => {
  const known: KnownPersonalData = {
    citizen: {
      name: 'Nguyễn Văn Long',
      phone: '+84912345678',
      email: 'Long.Nguyen@Mail.vn',
      address: '12 Trần Phú, phường Bắc Hà, TP Hà Tĩnh',
    },
    officialNames: ['Trần Thị Hoa'],
  };

  it.each([
    ['NGUYỄN VĂN LONG phản ánh', '[họ tên] phản ánh'],
    ['nguyen van long phan anh', '[họ tên] phan anh'],
    ['Nguyễn Long phản ánh', '[họ tên] phản ánh'],
    ['anh long gọi lại', 'anh [họ tên] gọi lại'],
    ['ông Văn Long gọi lại', 'ông [họ tên] gọi lại'],
    ['tep nguyen_van_long.pdf', 'tep [họ tên].pdf'],
    ['cán bộ trần thị hoa trả lời', 'cán bộ [họ tên] trả lời'],
    ['chị Hoa trả lời', 'chị [họ tên] trả lời'],
    ['số 0912 / 345 / 678', 'số [số điện thoại]'],
    ['gửi long.nguyen@mail.vn', 'gửi [email]'],
    ['nhà ở 12 Trần Phú', 'nhà ở [địa chỉ]'],
    ['nhà ở 12 tran phu', 'nhà ở [địa chỉ]'],
  ])('%j', (text, expected) => expect(redact(text, known)).toBe(expected));

  it('keeps the commune of the known address', () => {
    expect(redact('phường Bắc Hà, TP Hà Tĩnh', known)).toBe('phường Bắc Hà, TP Hà Tĩnh');
  });
});

describe('redactPersonalData: the result', () => {
  it('reports each redaction with its kind and offsets in the original text', () => {
    const text = 'Ông Nguyễn Văn A, sđt 0912345678, email a@b.vn';
    const { redactions } = redactPersonalData(text);
    expect(redactions.map((r) => [r.kind, text.slice(r.start, r.end)])).toEqual([
      ['name', 'Nguyễn Văn A'],
      ['phone', '0912345678'],
      ['email', 'a@b.vn'],
    ]);
  });

  it('reads decomposed (NFD) text and keeps the rest of it as written', () => {
    const text = 'Ông Nguyễn Văn A, sđt không chín một hai ba bốn năm sáu bảy tám'.normalize('NFD');
    const { text: out, redactions } = redactPersonalData(text);
    expect(out).toBe('Ông'.normalize('NFD') + ' [họ tên], sđt [số điện thoại]');
    expect(text.slice(redactions[0]!.start, redactions[0]!.end)).toBe(
      'Nguyễn Văn A'.normalize('NFD'),
    );
  });

  it('changes nothing the second time', () => {
    const once = redact('Ông Nguyễn Văn A, số 12 đường Trần Phú, 0912 345 678');
    expect(redact(once)).toBe(once);
  });
});

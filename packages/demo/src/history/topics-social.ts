// Health, schools, social policy, public order and farming: local matters.
import { communeOrLocal, localOf, type Topic } from './topic-types.js';

export const SOCIAL_TOPICS: readonly Topic[] = [
  {
    category: 'y-te',
    weight: 6,
    competent: localOf,
    situations: [
      {
        core: (p) =>
          `Trạm y tế ${p.commune} thường xuyên không có người trực vào ban đêm, hôm trước cháu nhà tôi sốt cao phải chở lên tuyến huyện.`,
        sms: (p) => `Tram y te ${p.communeAscii} ban dem khong co nguoi truc`,
        answer: () =>
          `Trung tâm y tế huyện đã kiểm tra, yêu cầu trạm y tế công khai lịch trực đêm và số điện thoại trực; bổ sung một y sĩ luân phiên trực tại trạm.`,
      },
      {
        core: (p) =>
          `Bệnh nhân khám bảo hiểm y tế ở bệnh viện ${p.district} phải chờ từ sáng đến chiều mới được khám, trong khi khám dịch vụ thì được ưu tiên.`,
        sms: () => `Kham bao hiem y te phai cho ca ngay, kham dich vu duoc uu tien`,
        answer: () =>
          `Bệnh viện đã mở thêm hai bàn khám bảo hiểm y tế buổi sáng, áp dụng lấy số thứ tự chung và công khai thời gian chờ dự kiến.`,
      },
      {
        core: (p) =>
          `Quầy thuốc ở ${p.spot}, ${p.commune} bán thuốc kháng sinh và thuốc kê đơn mà không cần đơn của bác sĩ.`,
        sms: (p) => `Quay thuoc o ${p.spot} ban thuoc ke don khong can don`,
        answer: () =>
          `Đoàn thanh tra dược đã kiểm tra, xử phạt quầy thuốc về hành vi bán thuốc kê đơn không có đơn và yêu cầu chấn chỉnh việc ghi chép bán thuốc.`,
      },
      {
        core: (p, r) =>
          `Sau bữa cỗ ở ${p.spot}, khoảng ${r.int(10, 30)} người bị đau bụng, nôn, nghi ngộ độc thực phẩm, đề nghị kiểm tra cơ sở nấu cỗ.`,
        sms: (p) => `Nhieu nguoi o ${p.spot} bi ngo doc sau an co`,
        answer: () =>
          `Trung tâm y tế đã điều tra, lấy mẫu thức ăn; các trường hợp đã ổn định sức khỏe. Cơ sở nấu cỗ bị đình chỉ hoạt động cho đến khi đủ điều kiện an toàn thực phẩm.`,
      },
      {
        core: (p) =>
          `Ở ${p.spot}, ${p.commune} có nhiều người mắc sốt xuất huyết nhưng chưa thấy phun thuốc diệt muỗi.`,
        sms: (p) => `${p.spot} nhieu nguoi sot xuat huyet chua phun thuoc`,
        answer: () =>
          `Trung tâm y tế đã khoanh vùng ổ dịch, phun hóa chất diệt muỗi hai đợt và tổ chức chiến dịch diệt lăng quăng tại khu dân cư.`,
      },
    ],
  },
  {
    category: 'giao-duc',
    weight: 6,
    competent: localOf,
    situations: [
      {
        core: (p, r) =>
          `Trường tiểu học ở ${p.commune} thu nhiều khoản ngoài quy định đầu năm học, tổng cộng gần ${r.int(2, 4)} triệu đồng mỗi học sinh, phụ huynh không được họp bàn trước.`,
        sms: (p) => `Truong tieu hoc ${p.communeAscii} thu nhieu khoan ngoai quy dinh`,
        answer: () =>
          `Phòng Giáo dục và Đào tạo đã kiểm tra, yêu cầu nhà trường dừng các khoản thu chưa được ban đại diện cha mẹ học sinh thống nhất và hoàn trả phần đã thu sai.`,
      },
      {
        core: (p) =>
          `Giáo viên một lớp ở trường trung học cơ sở ${p.commune} dạy thêm tại nhà và gợi ý học sinh trong lớp phải đi học thêm.`,
        sms: (p) => `Giao vien o ${p.communeAscii} ep hoc sinh di hoc them`,
        answer: () =>
          `Phòng Giáo dục và Đào tạo đã xác minh, giáo viên vi phạm quy định về dạy thêm và đã bị kiểm điểm; nhà trường cam kết không để tái diễn.`,
      },
      {
        core: (p) =>
          `Phòng học của điểm trường mầm non ở ${p.spot} xuống cấp, trần bị thấm dột, mưa to là các cháu phải chuyển sang phòng khác.`,
        sms: (p) => `Phong hoc mam non o ${p.spot} bi dot`,
        answer: () =>
          `UBND huyện đã bố trí kinh phí sửa chữa mái và trần phòng học; công trình hoàn thành trong đợt nghỉ giữa kỳ.`,
      },
      {
        core: (p) =>
          `Nhà vệ sinh của trường trung học cơ sở ${p.commune} thiếu nước, mất vệ sinh, nhiều học sinh nhịn đi vệ sinh cả buổi.`,
        sms: (p) => `Nha ve sinh truong THCS ${p.communeAscii} thieu nuoc, ban`,
        answer: () =>
          `Nhà trường đã sửa đường cấp nước, bố trí nhân viên vệ sinh hằng ngày; Phòng Giáo dục và Đào tạo kiểm tra lại sau hai tuần.`,
      },
    ],
  },
  {
    category: 'chinh-sach-xa-hoi',
    weight: 7,
    competent: localOf,
    situations: [
      {
        core: (_p, r) =>
          `Mẹ tôi là vợ liệt sĩ, đã nộp hồ sơ đề nghị hưởng trợ cấp từ ${r.int(3, 7)} tháng trước nhưng đến nay chưa được giải quyết.`,
        sms: () => `Ho so tro cap vo liet si nop lau chua giai quyet`,
        answer: () =>
          `Hồ sơ đã được thẩm định và trình quyết định; bà được hưởng trợ cấp từ tháng tiếp theo, kèm truy lĩnh các tháng chậm theo quy định.`,
      },
      {
        core: (p) =>
          `Gia đình tôi ở ${p.spot} thu nhập rất thấp, chồng ốm nặng, nhưng năm nay không có tên trong danh sách hộ nghèo trong khi một số hộ khá giả lại có tên.`,
        sms: (p) => `Ra soat ho ngheo o ${p.communeAscii} khong cong bang`,
        answer: () =>
          `UBND cấp xã đã rà soát lại theo đúng quy trình, có sự tham gia của ban công tác mặt trận thôn; gia đình được bổ sung vào danh sách hộ cận nghèo, hai hộ không đủ điều kiện đã được đưa ra khỏi danh sách.`,
      },
      {
        core: (p) =>
          `Bố tôi trên 80 tuổi ở ${p.commune}, tháng này chưa được nhận trợ cấp xã hội, hỏi thì cán bộ bảo chờ.`,
        sms: (p) => `Bo toi tren 80 tuoi o ${p.communeAscii} chua nhan tro cap thang nay`,
        answer: () =>
          `Việc chi trả chậm do thay đổi tài khoản nhận trợ cấp; khoản trợ cấp đã được chi trả đầy đủ tại nhà cho cụ.`,
      },
      {
        core: () =>
          `Tôi nộp hồ sơ hưởng bảo hiểm thất nghiệp đã hơn một tháng nhưng chưa nhận được quyết định, gọi điện không ai trả lời.`,
        sms: () => `Ho so bao hiem that nghiep hon 1 thang chua co quyet dinh`,
        answer: () =>
          `Trung tâm Dịch vụ việc làm đã kiểm tra, hồ sơ thiếu xác nhận của doanh nghiệp cũ; đã liên hệ doanh nghiệp bổ sung và ban hành quyết định hưởng trợ cấp cho công dân.`,
      },
      {
        core: (p) =>
          `Tiền hỗ trợ khắc phục hậu quả mưa lũ ở ${p.spot} chia không công bằng, có hộ thiệt hại nặng lại nhận ít hơn hộ thiệt hại nhẹ.`,
        sms: (p) => `Tien ho tro lu lut o ${p.spot} chia khong cong bang`,
        answer: () =>
          `Đơn vị đã rà soát danh sách và biên bản đánh giá thiệt hại, điều chỉnh mức hỗ trợ cho ba hộ và công khai danh sách tại nhà văn hóa thôn.`,
      },
    ],
  },
  {
    category: 'an-ninh-trat-tu',
    weight: 7,
    competent: communeOrLocal,
    situations: [
      {
        core: (p) =>
          `Nhóm thanh niên thường tụ tập đua xe máy, nẹt pô vào ban đêm trên ${p.spot}, ${p.commune}, người dân rất lo sợ.`,
        sms: (p) => `Thanh nien dua xe ban dem o ${p.spot} ${p.communeAscii}`,
        answer: () =>
          `Công an đã tăng cường tuần tra vào khung giờ đêm, tạm giữ một số phương tiện vi phạm và mời phụ huynh các thanh niên lên làm việc.`,
      },
      {
        core: (p) =>
          `Thời gian gần đây ở ${p.spot} liên tục xảy ra trộm cắp gà vịt, xe đạp, có nhà bị mất cả xe máy để trong sân.`,
        sms: (p) => `O ${p.spot} trom cap lien tuc, mat ca xe may`,
        answer: () =>
          `Công an cấp xã đã xác lập chuyên án, bắt giữ đối tượng trộm cắp và thu hồi một phần tài sản; tổ an ninh thôn duy trì tuần tra ban đêm.`,
      },
      {
        core: (p) =>
          `Có dấu hiệu tụ tập đánh bạc ăn tiền tại một nhà ở ${p.spot}, ${p.commune}, nhiều người ra vào đến khuya.`,
        sms: (p) => `Co tu tap danh bac o ${p.spot}`,
        answer: () =>
          `Công an đã kiểm tra, bắt quả tang một nhóm đánh bạc và xử lý theo quy định; người phản ánh được giữ bí mật thông tin.`,
      },
      {
        core: (p) =>
          `Quảng cáo cho vay nặng lãi dán khắp cột điện, tường nhà ở ${p.spot}, có người trong xóm bị đòi nợ, ném chất bẩn vào nhà.`,
        sms: (p) => `Quang cao tin dung den dan khap ${p.spot}, bi khung bo doi no`,
        answer: () =>
          `Công an đã bóc xóa quảng cáo, xác minh các số điện thoại và khởi tố vụ việc đòi nợ kiểu khủng bố; tuyên truyền người dân không vay tín dụng đen.`,
      },
    ],
  },
  {
    category: 'nong-nghiep',
    weight: 6,
    competent: communeOrLocal,
    situations: [
      {
        core: (p) =>
          `Kênh mương nội đồng ở ${p.spot}, ${p.commune} bị bồi lấp, nước không vào được ruộng, lúa đang thì làm đòng.`,
        sms: (p) => `Kenh muong o ${p.spot} bi boi lap, ruong thieu nuoc`,
        answer: () =>
          `Địa phương đã huy động máy nạo vét đoạn kênh bị bồi lấp, dẫn nước vào ruộng kịp thời vụ; kênh được đưa vào kế hoạch kiên cố hóa.`,
      },
      {
        core: (p) =>
          `Giống lúa mua của một đại lý ở ${p.commune} không nảy mầm, nhiều hộ phải gieo lại, đề nghị kiểm tra chất lượng giống.`,
        sms: (p) => `Giong lua mua o dai ly ${p.communeAscii} khong nay mam`,
        answer: () =>
          `Cơ quan chuyên môn đã lấy mẫu kiểm định: lô giống không đạt tỷ lệ nảy mầm. Đại lý bị xử phạt và phải đổi giống, bồi thường cho các hộ.`,
      },
      {
        core: (p) =>
          `Có người vứt xác lợn chết ra kênh ở ${p.spot}, nghi là bị dịch tả lợn châu Phi, bốc mùi và có nguy cơ lây lan.`,
        sms: (p) => `Xac lon chet vut ra kenh o ${p.spot}`,
        answer: () =>
          `Địa phương đã tiêu hủy xác lợn, khử trùng khu vực và lấy mẫu xét nghiệm; tăng cường kiểm soát vận chuyển lợn trên địa bàn.`,
      },
      {
        core: (p) =>
          `Đê bao ở ${p.spot}, ${p.commune} bị sạt lở một đoạn dài, nếu mưa lớn có nguy cơ vỡ, ngập cả cánh đồng.`,
        sms: (p) => `De bao o ${p.spot} sat lo, nguy co vo`,
        answer: () =>
          `Địa phương đã gia cố tạm đoạn đê bằng bao tải đất và cọc tre, phân công người canh trực khi có mưa lớn; đoạn đê được đưa vào danh mục sửa chữa khẩn cấp.`,
      },
    ],
  },
];

// Administrative procedures, officials' conduct, businesses, power and water.
import { localOf, type Topic } from './topic-types.js';

const CENTRE = 'tt-phvhcc';

export const PUBLIC_SERVICE_TOPICS: readonly Topic[] = [
  {
    category: 'thu-tuc-hanh-chinh',
    weight: 9,
    competent: () => CENTRE,
    situations: [
      {
        core: (_p, r) =>
          `Hồ sơ ${r.pick(['cấp đổi giấy phép lái xe', 'đăng ký hộ kinh doanh', 'cấp phiếu lý lịch tư pháp', 'chứng thực chữ ký'])} của tôi nộp tại Trung tâm Phục vụ hành chính công tỉnh đã quá hẹn ${r.int(3, 15)} ngày mà chưa có kết quả, gọi điện hỏi thì không ai trả lời rõ.`,
        sms: () => `Ho so nop o Trung tam hanh chinh cong qua hen chua co ket qua`,
        answer: () =>
          `Trung tâm đã kiểm tra: hồ sơ chậm do sở chuyên môn trả kết quả muộn. Trung tâm đã gửi thư xin lỗi công dân, trả kết quả ngay trong ngày và đưa hồ sơ vào danh sách theo dõi trễ hạn của sở.`,
      },
      {
        core: () =>
          `Cổng dịch vụ công trực tuyến báo lỗi khi thanh toán lệ phí, tôi thử nhiều lần trong hai ngày vẫn không nộp được hồ sơ, tiền trong tài khoản đã bị trừ.`,
        sms: () => `Nop ho so truc tuyen bi loi thanh toan, da tru tien`,
        answer: () =>
          `Lỗi do cổng thanh toán trung gian; giao dịch bị trừ tiền đã được hoàn trả vào tài khoản của công dân. Trung tâm đã hỗ trợ công dân nộp lại hồ sơ thành công.`,
      },
      {
        core: (_p, r) =>
          `Khi làm thủ tục ${r.pick(['đăng ký thường trú', 'cấp giấy phép xây dựng', 'đăng ký khai sinh'])}, cán bộ bộ phận một cửa yêu cầu nộp thêm bản sao có chứng thực, dù thông tin đã có trên cơ sở dữ liệu quốc gia về dân cư.`,
        sms: () => `Mot cua yeu cau ban sao chung thuc du da co du lieu dan cu`,
        answer: () =>
          `Trung tâm đã chấn chỉnh bộ phận tiếp nhận: không yêu cầu bản sao giấy tờ đã có trên cơ sở dữ liệu quốc gia về dân cư; hồ sơ của công dân được tiếp nhận không cần bổ sung.`,
      },
      {
        core: () =>
          `Buổi sáng chỉ mở một quầy tiếp nhận hồ sơ đất đai, người dân phải chờ từ 7 giờ 30 đến gần trưa, nhiều người già phải đứng vì không đủ ghế.`,
        sms: () => `Chi mo 1 quay tiep nhan, cho tu sang den trua`,
        answer: () =>
          `Trung tâm đã bố trí thêm một quầy tiếp nhận hồ sơ đất đai vào buổi sáng, bổ sung ghế chờ và triển khai lấy số thứ tự qua ứng dụng.`,
      },
      {
        core: () =>
          `Tôi đến nhận kết quả theo giấy hẹn nhưng được báo hồ sơ vẫn đang xử lý, phải đi lại ba lần, mỗi lần hơn 20 km.`,
        sms: () => `Den nhan ket qua theo giay hen ma chua co, di lai 3 lan`,
        answer: () =>
          `Trung tâm xin lỗi công dân; từ nay bộ phận trả kết quả nhắn tin báo trước khi hồ sơ có kết quả hoặc phải gia hạn, và chuyển trả kết quả qua bưu điện khi công dân yêu cầu.`,
      },
    ],
  },
  {
    category: 'thai-do-can-bo',
    weight: 6,
    competent: () => 'thanh-tra-tinh',
    situations: [
      {
        core: (p) =>
          `Cán bộ bộ phận một cửa UBND ${p.commune} có thái độ thiếu tôn trọng, quát nạt người dân khi được hỏi về thủ tục.`,
        sms: (p) => `Can bo mot cua ${p.communeAscii} quat nat nguoi dan`,
        answer: () =>
          `Thanh tra tỉnh đã phối hợp xác minh; cán bộ đã nhận khuyết điểm, bị kiểm điểm và nhắc nhở bằng văn bản. Đơn vị quản lý cán bộ đã xin lỗi công dân.`,
      },
      {
        core: (p) =>
          `Công chức địa chính ${p.commune} gợi ý người dân "bồi dưỡng" thì hồ sơ sẽ được giải quyết nhanh; nhiều hộ trong thôn đều được nói như vậy.`,
        sms: (p) => `Can bo dia chinh ${p.communeAscii} doi boi duong moi giai quyet ho so`,
        answer: () =>
          `Thanh tra tỉnh đã xác minh, làm việc với các hộ dân liên quan. Chưa đủ căn cứ kết luận có hành vi nhận tiền, nhưng cán bộ có biểu hiện gây phiền hà và đã bị điều chuyển vị trí công tác.`,
      },
      {
        core: (_p, r) =>
          `Tôi gọi đến số điện thoại đường dây nóng của ${r.pick(['UBND huyện', 'một sở', 'Trung tâm y tế'])} nhiều lần trong giờ hành chính nhưng không ai nghe máy.`,
        sms: () => `Goi duong day nong nhieu lan trong gio hanh chinh khong ai nghe`,
        answer: () =>
          `Đơn vị đã kiểm tra và chấn chỉnh: bố trí người trực đường dây nóng trong giờ hành chính, chuyển hướng cuộc gọi sang số dự phòng khi vắng.`,
      },
      {
        core: () =>
          `Cán bộ tiếp nhận hồ sơ đùn đẩy, hướng dẫn tôi đi lại giữa hai cơ quan nhiều lần mà vẫn chưa rõ cơ quan nào giải quyết.`,
        sms: () => `Can bo dun day, di lai giua 2 co quan chua biet ai giai quyet`,
        answer: () =>
          `Thanh tra tỉnh đã làm rõ thẩm quyền giải quyết và yêu cầu cơ quan có thẩm quyền tiếp nhận hồ sơ; hai cán bộ hướng dẫn sai bị nhắc nhở.`,
      },
      {
        core: (p) =>
          `Cán bộ UBND ${p.commune} đến muộn, về sớm; người dân đến làm việc lúc 8 giờ sáng nhưng phòng vẫn đóng cửa.`,
        sms: (p) => `Can bo ${p.communeAscii} di muon ve som, 8h van dong cua`,
        answer: () =>
          `Đơn vị đã kiểm tra đột xuất, nhắc nhở các cán bộ vi phạm giờ làm việc và công khai lịch trực tiếp dân tại trụ sở.`,
      },
    ],
  },
  {
    category: 'doanh-nghiep-dau-tu',
    weight: 4,
    competent: () => CENTRE,
    situations: [
      {
        core: () =>
          `Doanh nghiệp chúng tôi nộp hồ sơ điều chỉnh chủ trương đầu tư dự án đã gần hai tháng, quá thời hạn giải quyết nhưng chưa nhận được kết quả hay thông báo bổ sung.`,
        sms: () => `Ho so dieu chinh chu truong dau tu qua han chua co ket qua`,
        answer: () =>
          `Hồ sơ chậm do phải lấy ý kiến các sở liên quan; Trung tâm đã đôn đốc, kết quả đã được trả cho doanh nghiệp và thời gian chậm được công khai theo quy định.`,
      },
      {
        core: () =>
          `Hồ sơ đăng ký thay đổi nội dung đăng ký doanh nghiệp trên cổng thông tin quốc gia bị trả lại nhiều lần mà lý do ghi không rõ ràng.`,
        sms: () => `Ho so dang ky doanh nghiep bi tra lai nhieu lan khong ro ly do`,
        answer: () =>
          `Trung tâm đã hướng dẫn doanh nghiệp cụ thể các điểm cần sửa; hồ sơ đã được chấp thuận. Chuyên viên ghi lý do trả hồ sơ chưa rõ đã được nhắc nhở.`,
      },
      {
        core: () =>
          `Hộ kinh doanh của tôi bị ba đoàn kiểm tra khác nhau đến trong cùng một tháng với nội dung trùng lặp, ảnh hưởng đến việc buôn bán.`,
        sms: () => `Ho kinh doanh bi 3 doan kiem tra trung lap trong 1 thang`,
        answer: () =>
          `Đơn vị đã rà soát kế hoạch kiểm tra, đề nghị các đoàn phối hợp kiểm tra liên ngành một lần; không có đoàn kiểm tra nào khác trong năm đối với hộ kinh doanh.`,
      },
    ],
  },
  {
    category: 'dien-nuoc',
    weight: 8,
    competent: localOf,
    situations: [
      {
        core: (p, r) =>
          `Khu vực ${p.spot}, ${p.commune} mất nước sinh hoạt ${r.int(2, 5)} ngày nay, không có thông báo trước, người dân phải đi xin nước về dùng.`,
        sms: (p) => `${p.spot} ${p.communeAscii} mat nuoc may ngay khong thong bao`,
        answer: () =>
          `Công ty cấp nước đã sửa xong đoạn ống bị vỡ, cấp nước trở lại; công ty rút kinh nghiệm việc không thông báo trước và đã xe chở nước hỗ trợ các hộ cuối nguồn.`,
      },
      {
        core: (p) =>
          `Nước máy ở ${p.spot} mấy hôm nay có màu vàng đục, mùi clo rất nặng, gia đình tôi không dám dùng để nấu ăn.`,
        sms: (p) => `Nuoc may o ${p.spot} vang duc, mui clo nang`,
        answer: () =>
          `Đơn vị đã lấy mẫu nước kiểm nghiệm, kết quả đạt quy chuẩn sau khi súc xả đường ống; công ty cấp nước tăng tần suất súc xả ở cuối tuyến.`,
      },
      {
        core: () =>
          `Hóa đơn tiền điện tháng này của gia đình tôi tăng gấp đôi dù sử dụng như mọi tháng, đề nghị kiểm tra lại công tơ.`,
        sms: () => `Tien dien thang nay tang gap doi, de nghi kiem tra cong to`,
        answer: () =>
          `Điện lực đã kiểm tra công tơ có sự chứng kiến của gia đình; công tơ hoạt động bình thường, sản lượng tăng do tháng nắng nóng. Điện lực đã hướng dẫn gia đình cách theo dõi chỉ số hằng ngày.`,
      },
      {
        core: (p) =>
          `Điện ở ${p.spot}, ${p.commune} chập chờn, mất điện nhiều lần trong ngày làm hỏng tủ lạnh và máy bơm của nhiều hộ.`,
        sms: (p) => `Dien o ${p.spot} chap chon mat lien tuc, hong do dien`,
        answer: () =>
          `Điện lực đã thay máy biến áp quá tải và cải tạo đường dây hạ thế; nguồn điện đã ổn định.`,
      },
      {
        core: (p) =>
          `Gia đình tôi ở ${p.spot} đã đăng ký đấu nối nước sạch hơn nửa năm nhưng đến nay vẫn chưa được lắp đặt.`,
        sms: (p) => `Dang ky dau noi nuoc sach o ${p.spot} nua nam chua lap`,
        answer: () =>
          `Tuyến ống đến khu vực đã hoàn thành; công ty cấp nước đã lắp đặt đồng hồ và đấu nối cho gia đình.`,
      },
    ],
  },
];

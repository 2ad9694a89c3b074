// Land, environment, construction and roads: what citizens of the demo province write about.
import type { Topic } from './topic-types.js';

export const LAND_AND_URBAN_TOPICS: readonly Topic[] = [
  {
    category: 'dat-dai',
    weight: 11,
    competent: (c) => c.land,
    situations: [
      {
        core: (p, r) =>
          `Hộ gia đình ở ${p.spot}, ${p.commune} xây tường rào lấn chiếm khoảng ${r.int(20, 80)} m² đất hành lang mương thoát nước chung của thôn, làm mương bị thu hẹp, mưa to là nước tràn vào nhà dân.`,
        sms: (p) => `Co ho lan chiem dat muong thoat nuoc chung o ${p.spot} ${p.communeAscii}`,
        answer: (p) =>
          `UBND ${p.commune} đã kiểm tra hiện trường, lập biên bản vi phạm về lấn chiếm đất công. Hộ gia đình đã cam kết tự tháo dỡ phần tường rào lấn chiếm trong 15 ngày; địa phương giao công chức địa chính giám sát việc khắc phục.`,
      },
      {
        core: (_p, r) =>
          `Gia đình tôi nộp hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng đất (sổ đỏ) từ ${r.int(3, 9)} tháng trước, quá hạn trên giấy hẹn đã lâu nhưng vẫn chưa được cấp và cũng không được thông báo lý do.`,
        sms: () => `Ho so cap so do nop lau roi, qua hen ma chua duoc tra ket qua`,
        answer: () =>
          `Hồ sơ của gia đình chậm do thiếu xác nhận nguồn gốc đất của UBND cấp xã. Chi nhánh Văn phòng đăng ký đất đai đã phối hợp hoàn thiện, giấy chứng nhận được trả trong tuần này; đơn vị đã gửi thư xin lỗi công dân vì sự chậm trễ.`,
      },
      {
        core: (p) =>
          `Dự án mở rộng đường qua ${p.spot}, ${p.commune} đã thu hồi đất của gia đình tôi nhưng mức bồi thường cây cối, tài sản trên đất thấp hơn nhiều so với các hộ liền kề, trong biên bản kiểm đếm còn thiếu cả giếng nước.`,
        sms: (p) => `Boi thuong giai phong mat bang o ${p.communeAscii} khong cong bang`,
        answer: (_p, r) =>
          `Hội đồng bồi thường đã rà soát lại biên bản kiểm đếm, bổ sung bồi thường giếng nước và ${r.int(5, 20)} cây ăn quả bị bỏ sót. Các mức giá đã áp dụng đúng bảng giá của UBND tỉnh; phương án điều chỉnh được niêm yết công khai tại nhà văn hóa thôn.`,
      },
      {
        core: (p, r) =>
          `Ranh giới thửa đất giữa nhà tôi và hộ liền kề ở ${p.spot} bị đo vẽ sai trên bản đồ địa chính mới, diện tích nhà tôi bị hụt gần ${r.int(8, 30)} m² so với giấy chứng nhận đã cấp.`,
        sms: (p) => `Ban do dia chinh moi do sai ranh gioi dat nha toi o ${p.communeAscii}`,
        answer: () =>
          `Văn phòng đăng ký đất đai đã đo đạc lại hiện trạng với sự có mặt của hai hộ và cán bộ địa chính xã. Sai sót trên bản đồ đã được chỉnh lý; diện tích của gia đình được ghi nhận đúng như giấy chứng nhận đã cấp.`,
      },
      {
        core: (p) =>
          `Một số người dùng xe tải chở đất san lấp ruộng lúa ở ${p.spot}, ${p.commune} để làm nhà xưởng khi chưa được chuyển mục đích sử dụng đất, làm ảnh hưởng đến việc tưới tiêu của các thửa ruộng xung quanh.`,
        sms: (p) => `Co nguoi cho dat san lap ruong lua trai phep o ${p.spot} ${p.communeAscii}`,
        answer: () =>
          `Đoàn kiểm tra liên ngành đã đình chỉ việc san lấp, xử phạt vi phạm hành chính về sử dụng đất trồng lúa sai mục đích và buộc khôi phục lại tình trạng ban đầu của đất trước vụ sản xuất tới.`,
      },
      {
        core: (p) =>
          `Tôi muốn tách thửa để tặng cho con nhưng cán bộ địa chính ${p.commune} yêu cầu nộp nhiều giấy tờ không có trong quy định, đi lại ba lần vẫn chưa được nhận hồ sơ.`,
        sms: () => `Lam thu tuc tach thua bi yeu cau giay to ngoai quy dinh`,
        answer: () =>
          `Đơn vị đã hướng dẫn công dân thành phần hồ sơ tách thửa theo Bộ thủ tục hành chính hiện hành và nhắc nhở công chức địa chính không được yêu cầu giấy tờ ngoài quy định. Hồ sơ của công dân đã được tiếp nhận.`,
      },
    ],
  },
  {
    category: 'moi-truong',
    weight: 12,
    competent: (c) => c.environment,
    situations: [
      {
        core: (p, r) =>
          `Bãi rác tự phát ở ${p.spot}, ${p.commune} ngày càng lớn, bốc mùi hôi thối, ruồi muỗi rất nhiều, ngay cạnh ${r.pick(['trường mầm non', 'khu dân cư', 'chợ', 'nhà văn hóa thôn'])}.`,
        sms: (p) => `Bai rac tu phat o ${p.spot} ${p.communeAscii} boc mui qua`,
        answer: (_p, r) =>
          `Đơn vị thu gom đã dọn sạch khoảng ${r.int(3, 12)} tấn rác. Địa phương đặt biển cấm đổ rác, bố trí camera giám sát và giao tổ dân phố tuyên truyền người dân để rác đúng giờ, đúng nơi.`,
      },
      {
        core: (p, r) =>
          `Cơ sở chế biến ${r.pick(['hải sản', 'tinh bột sắn', 'gỗ', 'nước mắm'])} ở ${p.spot} xả nước thải chưa qua xử lý ra mương chung, nước đen kịt, mùi rất nặng, cá trong ao của người dân chết hàng loạt.`,
        sms: (p) => `Co so san xuat xa nuoc thai ra muong o ${p.spot}, ca chet`,
        answer: () =>
          `Đoàn kiểm tra đã lấy mẫu nước thải; kết quả phân tích vượt quy chuẩn cho phép. Cơ sở bị xử phạt vi phạm hành chính và phải dừng xả thải cho đến khi hoàn thành hệ thống xử lý nước thải.`,
      },
      {
        core: (p) =>
          `Quán karaoke ở ${p.spot}, ${p.commune} hát đến quá nửa đêm, âm thanh rất lớn, ảnh hưởng đến giấc ngủ của người già và trẻ nhỏ trong khu vực.`,
        sms: (p) => `Karaoke o ${p.spot} hat den 1 gio sang, on qua`,
        answer: () =>
          `Công an và UBND cấp xã đã làm việc với chủ quán, lập biên bản về gây tiếng ồn vượt quy chuẩn; chủ quán cam kết không hoạt động sau 22 giờ và lắp đặt vật liệu cách âm.`,
      },
      {
        core: (p) =>
          `Xưởng tái chế nhựa ở ${p.spot} thường đốt phế phẩm vào ban đêm, khói đen và mùi khét bay vào nhà dân, nhiều cháu nhỏ bị ho kéo dài.`,
        sms: (p) => `Xuong tai che nhua o ${p.communeAscii} dot rac ban dem, khoi den`,
        answer: () =>
          `Qua kiểm tra, xưởng hoạt động chưa có hồ sơ môi trường theo quy định. Đơn vị đã xử phạt, yêu cầu chấm dứt việc đốt phế phẩm và di dời hoạt động tái chế ra khỏi khu dân cư.`,
      },
      {
        core: (p) =>
          `Tình trạng khai thác cát trái phép trên sông đoạn qua ${p.spot}, ${p.commune} diễn ra vào ban đêm, bờ sông bị sạt lở ăn sâu vào vườn của nhiều hộ.`,
        sms: (p) => `Khai thac cat trai phep ban dem tren song o ${p.communeAscii}`,
        answer: () =>
          `Lực lượng chức năng đã tổ chức tuần tra ban đêm, bắt giữ một phương tiện khai thác cát trái phép và xử lý theo quy định; địa phương cắm biển cấm và phối hợp giám sát thường xuyên đoạn sông này.`,
      },
      {
        core: (p, r) =>
          `Trang trại lợn khoảng ${r.int(2, 6) * 100} con ở ${p.spot} xả chất thải chăn nuôi ra kênh tưới, mùi hôi nồng nặc cả khu vực, nước kênh không dùng được.`,
        sms: (p) => `Trai lon xa chat thai ra kenh o ${p.spot} hoi lam`,
        answer: () =>
          `Đơn vị đã kiểm tra, yêu cầu chủ trang trại nạo vét, cải tạo hầm biogas và không để chất thải chảy ra kênh; xử phạt vi phạm hành chính và giao UBND cấp xã giám sát việc khắc phục.`,
      },
    ],
  },
  {
    category: 'xay-dung',
    weight: 12,
    competent: () => 'so-xay-dung',
    situations: [
      {
        core: (p, r) =>
          `Công trình nhà ${r.int(3, 6)} tầng ở ${p.spot}, ${p.commune} đang thi công nhưng không treo biển báo công trình, người dân nghi là xây dựng không phép.`,
        sms: (p) => `Cong trinh nha nhieu tang o ${p.spot} khong treo bien, nghi xay khong phep`,
        answer: () =>
          `Đội kiểm tra trật tự xây dựng đã kiểm tra: công trình có giấy phép xây dựng nhưng chưa treo biển. Đã yêu cầu chủ đầu tư treo biển công khai và thi công đúng giấy phép được cấp.`,
      },
      {
        core: (p) =>
          `Nhiều hộ kinh doanh dọc ${p.spot}, ${p.commune} lấn chiếm vỉa hè để bày hàng, để xe máy, người đi bộ phải đi xuống lòng đường rất nguy hiểm.`,
        sms: (p) => `Via he ${p.spot} bi lan chiem het, nguoi di bo phai xuong duong`,
        answer: () =>
          `Tổ công tác liên ngành đã ra quân lập lại trật tự vỉa hè, nhắc nhở và xử phạt các hộ vi phạm; duy trì kiểm tra định kỳ hằng tuần trên tuyến đường.`,
      },
      {
        core: (p) =>
          `Công trình xây dựng bên cạnh nhà tôi ở ${p.spot} đào móng sâu mà không có biện pháp chống đỡ, tường nhà tôi bị nứt nhiều chỗ, nền bị lún.`,
        sms: (p) => `Cong trinh ben canh dao mong lam nut nha toi o ${p.spot}`,
        answer: () =>
          `Đơn vị đã yêu cầu tạm dừng thi công phần móng, tổ chức giám định hiện trạng nhà liền kề; chủ đầu tư đã thống nhất sửa chữa và bồi thường thiệt hại cho gia đình theo kết quả giám định.`,
      },
      {
        core: (_p, r) =>
          `Tôi nộp hồ sơ xin giấy phép xây dựng nhà ở riêng lẻ đã hơn ${r.int(25, 45)} ngày nhưng chưa có kết quả, đã quá thời hạn ghi trên giấy hẹn.`,
        sms: () => `Xin giay phep xay dung nha o qua han chua co ket qua`,
        answer: () =>
          `Hồ sơ chậm do bản vẽ thiếu mặt cắt theo yêu cầu; đơn vị đã hướng dẫn bổ sung và cấp giấy phép xây dựng cho công dân, đồng thời chấn chỉnh việc thông báo bổ sung hồ sơ đúng hạn.`,
      },
      {
        core: (p) =>
          `Cát, đá, gạch của một công trình tập kết tràn ra lòng đường ${p.spot} nhiều ngày, ban đêm không có đèn cảnh báo, đã có người đi xe máy va vào.`,
        sms: (p) => `Vat lieu xay dung do tran ra duong ${p.spot}, dem khong co den`,
        answer: () =>
          `Đơn vị đã yêu cầu chủ công trình thu dọn vật liệu trong ngày, lắp đèn và rào chắn cảnh báo; xử phạt hành vi tập kết vật liệu trái phép trên lòng đường.`,
      },
      {
        core: (p) =>
          `Khu tái định cư ở ${p.spot}, ${p.commune} đã bàn giao cho dân gần một năm nhưng hệ thống thoát nước chưa hoàn thiện, cứ mưa là ngập sâu.`,
        sms: (p) => `Khu tai dinh cu ${p.communeAscii} mua la ngap, chua co thoat nuoc`,
        answer: () =>
          `Chủ đầu tư đã bổ sung tuyến cống thoát nước dài khoảng 200 mét và nạo vét hố ga; công trình hoàn thành trước mùa mưa bão, đơn vị sẽ tiếp tục kiểm tra khi có mưa lớn.`,
      },
      {
        core: (p) =>
          `Hệ thống đèn chiếu sáng công cộng trên ${p.spot} không sáng đã nhiều tuần, buổi tối rất tối, người dân lo mất an toàn.`,
        sms: (p) => `Den duong ${p.spot} hong nhieu tuan, toi om`,
        answer: () =>
          `Đơn vị quản lý chiếu sáng đã thay bộ điều khiển tủ điện và bóng đèn hỏng; toàn tuyến đã sáng trở lại.`,
      },
    ],
  },
  {
    category: 'giao-thong',
    weight: 11,
    competent: (c) => c.roads,
    situations: [
      {
        core: (p) =>
          `Mặt đường ${p.spot}, ${p.commune} xuất hiện nhiều ổ gà lớn, trời mưa đọng nước không nhìn thấy, đã có người đi xe máy bị ngã.`,
        sms: (p) => `Duong ${p.spot} nhieu o ga, da co nguoi nga xe`,
        answer: (_p, r) =>
          `Đơn vị quản lý đường bộ đã vá ${r.int(6, 25)} ổ gà bằng bê tông nhựa và đặt biển cảnh báo trong thời gian chờ sửa chữa định kỳ toàn tuyến.`,
      },
      {
        core: (p, r) =>
          `Đèn tín hiệu giao thông tại nút giao ${p.spot} bị hỏng ${r.int(3, 10)} ngày nay, giờ cao điểm xe cộ đi lộn xộn, rất dễ xảy ra tai nạn.`,
        sms: (p) => `Den giao thong nga tu ${p.spot} hong may ngay roi`,
        answer: () =>
          `Đơn vị đã thay bộ điều khiển đèn tín hiệu bị hỏng do sét đánh; nút giao hoạt động bình thường trở lại.`,
      },
      {
        core: (p) =>
          `Biển báo hạn chế tốc độ trên ${p.spot} bị cây che khuất hoàn toàn, nhiều xe chạy rất nhanh qua khu dân cư.`,
        sms: (p) => `Bien bao toc do o ${p.spot} bi cay che khuat`,
        answer: () =>
          `Đơn vị đã phát quang cây che khuất, dời biển báo ra vị trí dễ quan sát và bổ sung vạch sơn giảm tốc trước khu dân cư.`,
      },
      {
        core: (p) =>
          `Xe tải chở đất đá quá tải chạy qua ${p.spot}, ${p.commune} suốt ngày đêm, làm hư hỏng mặt đường và gây bụi mù mịt.`,
        sms: (p) => `Xe tai qua tai chay suot dem qua ${p.spot}, bui va hong duong`,
        answer: () =>
          `Thanh tra giao thông phối hợp Cảnh sát giao thông tổ chức kiểm tra tải trọng, xử lý nhiều phương tiện vi phạm; yêu cầu các mỏ đất không xuất hàng quá tải.`,
      },
      {
        core: (p) =>
          `Cầu tràn ở ${p.spot}, ${p.commune} bị sạt lở một bên mố sau đợt mưa lớn, người dân và học sinh vẫn phải đi qua hằng ngày rất nguy hiểm.`,
        sms: (p) => `Cau tran o ${p.spot} bi sat lo sau mua, nguy hiem`,
        answer: () =>
          `Đơn vị đã cắm biển cảnh báo, lắp rào chắn tạm và gia cố mố cầu bằng rọ đá; hạng mục sửa chữa hoàn chỉnh đã được đưa vào kế hoạch bảo trì năm nay.`,
      },
      {
        core: (p) =>
          `Đoạn đường ${p.spot} mới thảm nhựa chưa được một năm đã bong tróc, lún nứt nhiều đoạn, đề nghị kiểm tra chất lượng thi công.`,
        sms: (p) => `Duong ${p.spot} moi lam da bong troc, lun nut`,
        answer: () =>
          `Đơn vị đã kiểm tra, yêu cầu nhà thầu sửa chữa các đoạn hư hỏng bằng kinh phí bảo hành công trình; việc sửa chữa đã hoàn thành.`,
      },
    ],
  },
];

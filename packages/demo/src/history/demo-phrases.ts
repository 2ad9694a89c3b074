import type { SeededRandom } from './seeded-random.js';

/** Where something happened, as the texts say it. */
export interface TopicPlace {
  spot: string;
  commune: string;
  district: string;
  /** The commune without diacritics (SMS). */
  communeAscii: string;
}

const OPENINGS = [
  'Kính gửi cơ quan chức năng.',
  'Tôi là người dân sinh sống tại địa phương, xin phản ánh sự việc sau.',
  'Kính gửi UBND tỉnh Hà Tĩnh,',
  'Xin chào, tôi muốn phản ánh một việc đã kéo dài nhiều ngày.',
  'Kính đề nghị các cơ quan có thẩm quyền xem xét.',
  'Tôi xin phản ánh thay cho nhiều hộ dân trong xóm.',
  'Gia đình tôi và bà con xung quanh rất bức xúc về việc này.',
];

const CLOSINGS = [
  'Đề nghị cơ quan chức năng sớm kiểm tra, xử lý.',
  'Rất mong được quan tâm giải quyết sớm.',
  'Kính mong lãnh đạo chỉ đạo xử lý dứt điểm.',
  'Người dân đã báo với địa phương nhưng chưa thấy chuyển biến.',
  'Xin cảm ơn!',
  'Tôi có ảnh chụp, có thể cung cấp khi cần.',
  'Đề nghị trả lời cho người dân được biết.',
];

const CALL_LEADS = [
  'Công dân gọi đến phản ánh:',
  'Người gọi cho biết',
  'Công dân phản ánh qua tổng đài:',
  'Bà con gọi điện báo',
];

/** A citizen's full text around the core of the matter: an opening and a closing, sometimes. */
export function citizenText(r: SeededRandom, core: string): string {
  const parts: string[] = [];
  if (r.chance(0.45)) parts.push(r.pick(OPENINGS));
  parts.push(core);
  if (r.chance(0.7)) parts.push(r.pick(CLOSINGS));
  return parts.join(' ');
}

/** What an operator writes down from a call: shorter, in the third person. */
export function callSummary(r: SeededRandom, core: string): string {
  const lead = r.pick(CALL_LEADS);
  const body = core.charAt(0).toLowerCase() + core.slice(1);
  return `${lead} ${body}${r.chance(0.4) ? ' Đề nghị kiểm tra, xử lý.' : ''}`;
}

export const INTERIM_REPLIES = [
  'Đơn vị đã tiếp nhận phản ánh và giao bộ phận chuyên môn kiểm tra thực tế; kết quả sẽ được thông báo trong thời hạn quy định.',
  'Cảm ơn ông/bà đã phản ánh. Chúng tôi đã phối hợp với chính quyền địa phương kiểm tra hiện trường, đang hoàn thiện phương án xử lý.',
  'Phản ánh đã được chuyển đến bộ phận phụ trách; cán bộ sẽ liên hệ với ông/bà để làm rõ thêm trong tuần này.',
  'Đơn vị đang xác minh nội dung phản ánh và làm việc với các bên liên quan, sẽ trả lời bằng văn bản khi có kết quả.',
  'Chúng tôi ghi nhận phản ánh và đã lập kế hoạch kiểm tra; ông/bà có thể theo dõi tiến độ bằng mã tra cứu.',
];

export const QUESTIONS = [
  'Đề nghị ông/bà cung cấp địa chỉ cụ thể (số nhà, tên đường hoặc thôn, tổ dân phố) nơi xảy ra sự việc.',
  'Đề nghị ông/bà gửi thêm hình ảnh hiện trường để đơn vị có cơ sở kiểm tra.',
  'Đề nghị ông/bà cho biết sự việc xảy ra vào khoảng thời gian nào trong ngày và kéo dài bao lâu.',
  'Đề nghị ông/bà cung cấp số hồ sơ hoặc giấy hẹn trả kết quả để tra cứu.',
  'Ông/bà vui lòng cho biết họ tên, địa chỉ liên hệ của hộ gia đình liên quan để đơn vị làm việc.',
];

export const INFO_ANSWERS = [
  'Địa chỉ cụ thể là cạnh nhà văn hóa thôn, cách đường chính khoảng 50 mét. Tôi đã gửi kèm ảnh.',
  'Sự việc thường xảy ra từ khoảng 21 giờ đến 2 giờ sáng, gần như đêm nào cũng có.',
  'Tôi bổ sung: số hồ sơ ghi trên giấy hẹn là 000.00.26.H23-260914-0012, hẹn trả ngày 20 tháng trước.',
  'Hộ gia đình liên quan ở ngay sát nhà tôi, phía bên trái, số nhà 27. Xin giữ kín thông tin người phản ánh.',
  'Tôi đã chụp thêm ảnh vào sáng nay, tình trạng vẫn như cũ, thậm chí nặng hơn sau trận mưa.',
];

export const TRANSFER_BACK_REASONS = [
  'Nội dung không thuộc thẩm quyền giải quyết của đơn vị; chuyển đơn vị có thẩm quyền xử lý theo quy định.',
  'Sự việc thuộc phạm vi quản lý của địa phương cấp huyện; đề nghị chuyển về UBND cấp huyện xử lý.',
  'Qua rà soát, phản ánh liên quan đến lĩnh vực do cơ quan khác quản lý; chuyển để xử lý đúng thẩm quyền.',
];

export const FORWARD_REASONS = [
  'Chuyển đơn vị có thẩm quyền kiểm tra, xử lý và trả lời công dân.',
  'Chủ tịch UBND giao đơn vị kiểm tra, xử lý theo thẩm quyền, báo cáo kết quả.',
  'Chuyển cơ quan chuyên môn xử lý theo đúng lĩnh vực quản lý.',
];

export const EXTENSION_REASONS = [
  'Cần thêm thời gian phối hợp với các đơn vị liên quan để đo đạc, xác minh hiện trạng.',
  'Vụ việc phức tạp, phải lấy ý kiến của cơ quan chuyên môn cấp trên.',
  'Đang chờ kết quả kiểm tra, lấy mẫu của đơn vị chức năng.',
  'Các hộ liên quan vắng mặt tại địa phương, cần thêm thời gian làm việc trực tiếp.',
];

export const EXTENSION_GRANTS = [
  'Đồng ý gia hạn; yêu cầu hoàn thành trong thời gian gia hạn.',
  'Đồng ý. Khẩn trương phối hợp, không để quá hạn lần nữa.',
];

export const EXTENSION_REFUSALS = [
  'Không đồng ý gia hạn; nội dung đơn giản, đề nghị xử lý trong thời hạn.',
  'Không gia hạn; tập trung trả lời công dân ngay trong tuần.',
];

export const REOPEN_REASONS = [
  'Tôi không đồng ý với kết quả trả lời: thực tế tình trạng vẫn chưa được khắc phục.',
  'Cán bộ chưa xuống kiểm tra thực tế mà chỉ trả lời trên giấy, đề nghị xem xét lại.',
  'Câu trả lời chưa đúng nội dung tôi phản ánh.',
  'Sau vài ngày sự việc lại tái diễn như cũ.',
];

export const LOW_RATING_COMMENTS = [
  'Trả lời chung chung, chưa giải quyết được vấn đề.',
  'Chậm, phải hỏi nhiều lần mới có phản hồi.',
  'Vẫn chưa khắc phục.',
];

export const HIGH_RATING_COMMENTS = [
  'Cảm ơn cán bộ đã xử lý nhanh.',
  'Đã được khắc phục, cảm ơn.',
  'Hài lòng với cách giải quyết.',
  'Cán bộ nhiệt tình, trả lời rõ ràng.',
];

export const REJECT_NOTES = {
  spam: 'Nội dung không phải phản ánh, kiến nghị (tin nhắn quảng cáo).',
  out_of_scope:
    'Nội dung là tranh chấp dân sự giữa các cá nhân, không thuộc phạm vi tiếp nhận; đề nghị công dân liên hệ Tòa án nhân dân có thẩm quyền.',
  insufficient_information:
    'Phản ánh không có địa điểm, thời gian cụ thể và công dân không bổ sung thông tin; không có cơ sở xử lý.',
} as const;

export const LEADER_NOTES = [
  'Đề nghị đồng chí khẩn trương xử lý, báo cáo trước cuối tuần.',
  'Vụ việc đã quá hạn, yêu cầu giải trình lý do chậm.',
  'Phối hợp với UBND cấp xã kiểm tra hiện trường ngay.',
];

export const SPAM_TEXTS = [
  'Vay tiền nhanh chỉ cần CCCD, giải ngân trong 15 phút, lãi suất thấp. Liên hệ ngay để được hỗ trợ.',
  'Khuyến mãi nạp thẻ tặng 50% giá trị, chỉ hôm nay. Soạn tin theo cú pháp để nhận ưu đãi.',
];

export const CIVIL_DISPUTE_TEXT =
  'Hàng xóm vay tiền của gia đình tôi từ năm ngoái đến nay chưa trả, đề nghị chính quyền buộc họ trả nợ.';

export const VAGUE_TEXT =
  'Ở chỗ tôi có việc sai phạm đã lâu mà không ai xử lý, đề nghị các cấp vào cuộc.';

export const WITHDRAW_REASONS = [
  'Sự việc đã được tổ dân phố giải quyết xong.',
  'Tôi gửi nhầm, xin rút lại.',
];

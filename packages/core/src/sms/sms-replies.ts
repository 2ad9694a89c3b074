import { formatTrackingCode, type CaseStatus } from '@hotline/domain';

const STATUS_LABEL: Record<CaseStatus, string> = {
  received: 'đã tiếp nhận',
  triaged: 'đã phân loại, chờ giao xử lý',
  assigned: 'đã giao cơ quan xử lý',
  in_progress: 'đang xử lý',
  awaiting_citizen: 'chờ bạn bổ sung thông tin',
  resolved: 'đã giải quyết. Nhắn 1-5 để đánh giá (5 là hài lòng nhất)',
  closed: 'đã đóng',
  reopened: 'đã mở lại',
  rejected: 'không được tiếp nhận',
  merged: 'đã gộp với phản ánh khác',
  withdrawn: 'đã rút theo yêu cầu của bạn',
};

/** The SMS answers, short enough for one or two messages. */
export const smsReplies = {
  received: (code: string) =>
    `Đã tiếp nhận phản ánh của bạn. Mã tra cứu: ${formatTrackingCode(code)}. ` +
    `Nhắn TRA ${formatTrackingCode(code)} để xem tình trạng.`,
  information: (code: string, files: number) =>
    `Đã nhận thông tin bổ sung${files > 0 ? ` (kèm ${files} tệp)` : ''} cho phản ánh ${formatTrackingCode(code)}. Cảm ơn bạn.`,
  joined: (code: string) => `Đã bổ sung tin nhắn vào phản ánh ${formatTrackingCode(code)}.`,
  status: (code: string, status: CaseStatus) =>
    `Phản ánh ${formatTrackingCode(code)}: ${STATUS_LABEL[status]}.`,
  notFound: () => 'Không tìm thấy phản ánh của bạn với mã này. Kiểm tra lại mã tra cứu.',
  withdrawn: (code: string) => `Đã rút phản ánh ${formatTrackingCode(code)} theo yêu cầu của bạn.`,
  cannotWithdraw: (code: string) =>
    `Phản ánh ${formatTrackingCode(code)} đã được giao xử lý, không thể rút.`,
  rated: (code: string, rating: number) =>
    `Cảm ơn bạn đã đánh giá ${rating}/5 cho phản ánh ${formatTrackingCode(code)}.`,
  alreadyRated: (code: string) => `Phản ánh ${formatTrackingCode(code)} đã được đánh giá.`,
  nothingToRate: () => 'Bạn chưa có phản ánh nào đã giải quyết để đánh giá.',
};

import type { CaseEventType } from './case/case-events.js';

export interface LocalizedText {
  vi: string;
  en: string;
}

type Describe = (unitName?: string) => LocalizedText;
const to = (unitName: string | undefined, vi: string, en: string): LocalizedText =>
  unitName ? { vi: `${vi} ${unitName}`, en: `${en} ${unitName}` } : { vi, en };

// How each event reads for a citizen (and in officials' timelines). Vietnamese first.
const DESCRIPTIONS: Record<CaseEventType, Describe> = {
  received: () => ({ vi: 'Đã tiếp nhận phản ánh, kiến nghị', en: 'Received' }),
  triaged: () => ({ vi: 'Đã phân loại', en: 'Classified' }),
  routed: (u) => to(u, 'Đã chuyển đến đơn vị xử lý:', 'Sent for handling to'),
  assigned: () => ({ vi: 'Đã giao cán bộ xử lý', en: 'Assigned to an official' }),
  accepted: () => ({ vi: 'Đơn vị đã thụ lý, đang xử lý', en: 'Accepted; being handled' }),
  info_requested: () => ({
    vi: 'Đề nghị người dân bổ sung thông tin',
    en: 'More information requested from the citizen',
  }),
  info_provided: () => ({
    vi: 'Người dân đã bổ sung thông tin',
    en: 'The citizen provided information',
  }),
  transferred: (u) => to(u, 'Đã chuyển sang đơn vị:', 'Transferred to'),
  unit_merged: (u) => to(u, 'Đơn vị xử lý được hợp nhất vào', 'The handling unit was merged into'),
  extension_requested: () => ({ vi: 'Đề nghị gia hạn', en: 'Extension requested' }),
  extension_granted: () => ({ vi: 'Đã gia hạn thời hạn xử lý', en: 'Deadline extended' }),
  extension_refused: () => ({ vi: 'Không chấp thuận gia hạn', en: 'Extension refused' }),
  resolution_proposed: () => ({
    vi: 'Đã trình lãnh đạo duyệt kết quả giải quyết',
    en: 'Resolution submitted for approval',
  }),
  resolution_refused: () => ({
    vi: 'Lãnh đạo yêu cầu xử lý lại',
    en: 'Resolution sent back for more work',
  }),
  replied: () => ({ vi: 'Đơn vị đã trả lời', en: 'The unit replied' }),
  resolved: () => ({ vi: 'Đã giải quyết', en: 'Resolved' }),
  closed: () => ({ vi: 'Đã kết thúc', en: 'Closed' }),
  reopened: () => ({ vi: 'Đã mở lại', en: 'Reopened' }),
  rejected: () => ({ vi: 'Không tiếp nhận xử lý', en: 'Not taken up' }),
  merged: () => ({ vi: 'Đã gộp với phản ánh trùng', en: 'Merged with a duplicate' }),
  escalated: () => ({ vi: 'Đã báo cáo lãnh đạo cấp trên', en: 'Escalated to a higher leader' }),
  sla_warning: () => ({ vi: 'Sắp đến hạn xử lý', en: 'Deadline approaching' }),
  sla_breached: () => ({ vi: 'Đã quá hạn xử lý', en: 'Deadline passed' }),
  rated: () => ({ vi: 'Người dân đã đánh giá', en: 'The citizen rated the answer' }),
  comment_added: () => ({ vi: 'Ghi chú', en: 'Note' }),
  message_added: () => ({
    vi: 'Người dân gửi thêm nội dung',
    en: 'The citizen sent more details',
  }),
  withdrawn: () => ({ vi: 'Người dân đã rút phản ánh', en: 'Withdrawn by the citizen' }),
  publication_approved: () => ({ vi: 'Đã duyệt công khai', en: 'Approved for publication' }),
  publication_refused: () => ({ vi: 'Không công khai', en: 'Not published' }),
};

/**
 * The unit an event names (the new unit of a transfer or merger, the unit a case was routed
 * to), from its stored payload. A unit's name is not personal data: citizens read it.
 */
export function unitIdNamedBy(payload: unknown): string | null {
  const p = (payload ?? {}) as { toUnitId?: unknown; unitId?: unknown };
  const id = p.toUnitId ?? p.unitId;
  return typeof id === 'string' ? id : null;
}

/** How an event reads on the citizen's tracking page. */
export function describePublicEvent(type: CaseEventType, unitName?: string): LocalizedText {
  return DESCRIPTIONS[type](unitName);
}

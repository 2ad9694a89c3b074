import type { FieldError } from '@hotline/contracts';
import type { FieldProblem } from '@hotline/core';

type Params = Record<string, string | number> | undefined;
type Message = (field: string, p: Params) => { vi: string; en: string };

/** "P5D" with its counting as words ("5 ngày làm việc"); the ISO text when it is not days/hours. */
function durationWords(iso: unknown, unit: unknown): { vi: string; en: string } {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(String(iso));
  if (!m || (!m[1] && !m[2] && !m[3])) return { vi: String(iso), en: String(iso) };
  const working = unit !== 'calendar';
  const vi = [
    m[1] ? `${m[1]} ngày${working ? ' làm việc' : ''}` : '',
    m[2] ? `${m[2]} giờ${working ? ' làm việc' : ''}` : '',
    m[3] ? `${m[3]} phút` : '',
  ];
  const en = [
    m[1] ? `${m[1]} ${working ? 'working ' : ''}day${m[1] === '1' ? '' : 's'}` : '',
    m[2] ? `${m[2]} ${working ? 'working ' : ''}hour${m[2] === '1' ? '' : 's'}` : '',
    m[3] ? `${m[3]} minute${m[3] === '1' ? '' : 's'}` : '',
  ];
  return { vi: vi.filter(Boolean).join(' '), en: en.filter(Boolean).join(' ') };
}

/** Messages that need no field or parameter: [vi, en]. */
function caseRules(texts: Record<string, [string, string]>): Record<string, Message> {
  return Object.fromEntries(
    Object.entries(texts).map(([reason, [vi, en]]) => [reason, () => ({ vi, en })]),
  );
}

// Field-level reasons and how they read, in Vietnamese first. Keys are stable API values.
const MESSAGES: Record<string, Message> = {
  required: (f) => ({ vi: `Thiếu trường bắt buộc "${f}"`, en: `"${f}" is required` }),
  unknown_field: (f) => ({
    vi: `Trường "${f}" không được hỗ trợ`,
    en: `"${f}" is not a known field`,
  }),
  too_long: (f, p) => ({
    vi: `"${f}" dài quá ${p?.limit ?? ''} ký tự`,
    en: `"${f}" is longer than ${p?.limit ?? ''} characters`,
  }),
  too_short: (f, p) => ({
    vi: `"${f}" cần ít nhất ${p?.limit ?? p?.min ?? ''} ký tự`,
    en: `"${f}" needs at least ${p?.limit ?? p?.min ?? ''} characters`,
  }),
  invalid_format: (f) => ({
    vi: `"${f}" không đúng định dạng`,
    en: `"${f}" has an invalid format`,
  }),
  wrong_type: (f, p) => ({
    vi: `"${f}" phải có kiểu ${p?.type ?? ''}`,
    en: `"${f}" must be of type ${p?.type ?? ''}`,
  }),
  not_allowed: (f, p) => ({
    vi: `"${f}" phải là một trong: ${p?.allowed ?? ''}`,
    en: `"${f}" must be one of: ${p?.allowed ?? ''}`,
  }),
  invalid_character: (f) => ({
    vi: `"${f}" chứa ký tự không hợp lệ (ký tự NUL U+0000 hoặc mã hoá Unicode hỏng)`,
    en: `"${f}" contains a character that cannot be stored (NUL U+0000 or broken Unicode)`,
  }),
  malformed_multipart: (f) => ({
    vi: `Nội dung multipart không hợp lệ hoặc bị cắt cụt ("${f}")`,
    en: `The multipart body is malformed or truncated ("${f}")`,
  }),
  multipart_required: () => ({
    vi: 'Tệp phải được gửi dạng multipart/form-data, trường "file"',
    en: 'Files must be sent as multipart/form-data, in the field "file"',
  }),
  unexpected_field: (f) => ({
    vi: `Trường "${f}" không được nhận; tệp gửi trong trường "file"`,
    en: `The field "${f}" is not accepted; send files in "file"`,
  }),
  file_too_large: (_f, p) => ({
    vi: `Tệp quá lớn (tối đa ${p?.max ?? ''} byte)`,
    en: `The file is too large (at most ${p?.max ?? ''} bytes)`,
  }),
  too_many_files: (_f, p) => ({
    vi: `Quá nhiều tệp trong một lần gửi (tối đa ${p?.max ?? ''})`,
    en: `Too many files in one request (at most ${p?.max ?? ''})`,
  }),
  empty_file: () => ({ vi: 'Tệp rỗng', en: 'The file is empty' }),
  file_type_not_allowed: () => ({
    vi: 'Chỉ nhận ảnh, PDF, ghi âm hoặc video (kiểm tra theo nội dung tệp)',
    en: 'Only photos, PDF, audio or video are accepted (checked by the file’s bytes)',
  }),
  invalid_url: () => ({
    vi: 'Địa chỉ (URL) không hợp lệ: có mã % không giải mã được',
    en: 'The URL is invalid: a % escape does not decode',
  }),
  invalid_value: (f) => ({
    vi: `"${f}" có giá trị không lưu được`,
    en: `"${f}" holds a value that cannot be stored`,
  }),
  out_of_range: (f) => ({ vi: `"${f}" nằm ngoài giới hạn`, en: `"${f}" is out of range` }),
  locked_until: (_f, p) => ({
    vi: `Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau ${p?.retryAfterSeconds ?? ''} giây`,
    en: `Too many failed sign-ins; try again in ${p?.retryAfterSeconds ?? ''} seconds`,
  }),
  invalid: (f) => ({ vi: `"${f}" không hợp lệ`, en: `"${f}" is invalid` }),
  before_start: () => ({
    vi: 'Thời điểm kết thúc phải sau thời điểm bắt đầu',
    en: 'The end must come after the start',
  }),
  in_future: () => ({
    vi: 'Thời điểm bắt đầu không được ở tương lai',
    en: 'The start cannot be in the future',
  }),
  call_too_long: () => ({
    vi: 'Cuộc gọi dài bất thường; hãy kiểm tra giờ bắt đầu và kết thúc',
    en: 'The call is unusually long; check its start and end',
  }),
  case_files_full: (_f, p) => ({
    vi: `Mỗi phản ánh chỉ nhận tối đa ${p?.max ?? ''} tệp đính kèm`,
    en: `A case holds at most ${p?.max ?? ''} attached files`,
  }),
  key_reused: () => ({
    vi: 'Khoá Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng khoá mới',
    en: 'This Idempotency-Key was used for a different request; use a new key',
  }),
  request_in_flight: () => ({
    vi: 'Yêu cầu trước với cùng Idempotency-Key đang được xử lý; hãy thử lại sau giây lát',
    en: 'The earlier request with this Idempotency-Key is still being processed; retry shortly',
  }),
  not_a_tracking_code_or_phone: () => ({
    vi: 'Hãy nhập mã phản ánh (ví dụ K7QM-4RX9) hoặc số điện thoại',
    en: 'Enter a tracking code (e.g. K7QM-4RX9) or a phone number',
  }),
  taken: (f) => ({
    vi: `"${f}" đã được dùng; hãy chọn giá trị khác`,
    en: `"${f}" is already taken`,
  }),
  triage_taken: () => ({
    vi: 'Đã có một đơn vị tiếp nhận chung; bỏ chọn ở đơn vị đó trước',
    en: 'Another unit is already the triage unit; clear it there first',
  }),
  same_unit: () => ({
    vi: 'Không thể sáp nhập một đơn vị vào chính nó',
    en: 'A unit cannot be merged into itself',
  }),
  not_hotline_owner: () => ({
    vi: 'Cán bộ này không được làm chủ đường dây nóng',
    en: 'This official may not own a hotline',
  }),
  too_many_buckets: () => ({
    vi: 'Khoảng thời gian quá dài cho cách chia này',
    en: 'The period is too long for this interval',
  }),
  recovery_code_invalid: () => ({
    vi: 'Mã khôi phục không đúng hoặc đã được dùng',
    en: 'The recovery code is wrong or has been used',
  }),
  same_as_login: (f) => ({
    vi: `"${f}" không được trùng tên đăng nhập`,
    en: `"${f}" may not equal the login`,
  }),
  location_required: () => ({
    vi: 'Cần vị trí: lat và long, hoặc address_string',
    en: 'A location is required: lat and long, or address_string',
  }),
  span_over_90_days: () => ({
    vi: 'Khoảng thời gian tra cứu không quá 90 ngày',
    en: 'The date range may not span more than 90 days',
  }),
  unknown_category: (f) => ({
    vi: `Không có lĩnh vực này ("${f}")`,
    en: `No such category ("${f}")`,
  }),
  unknown_commune: (f) => ({
    vi: `Không có xã, phường này ("${f}")`,
    en: `No such commune or ward ("${f}")`,
  }),
  unknown_hotline: (f) => ({
    vi: `Số đường dây nóng không tồn tại ("${f}")`,
    en: `No such hotline number ("${f}")`,
  }),
  not_vietnamese: (f) => ({
    vi: `"${f}" không phải số điện thoại Việt Nam`,
    en: `"${f}" is not a Vietnamese phone number`,
  }),
  invalid_number: (f) => ({
    vi: `"${f}" không phải số điện thoại Việt Nam hợp lệ`,
    en: `"${f}" is not a valid Vietnamese phone number`,
  }),
  not_a_phone_number: (f) => ({
    vi: `"${f}" không phải số điện thoại`,
    en: `"${f}" is not a phone number`,
  }),
  invalid_tracking_code: () => ({
    vi: 'Mã tra cứu không đúng (kiểm tra lại từng ký tự)',
    en: 'Invalid tracking code (check each character)',
  }),
  malformed_json: () => ({
    vi: 'Nội dung gửi lên không phải JSON hợp lệ',
    en: 'The body is not valid JSON',
  }),
  too_large: (_f, p) => ({
    vi: `Nội dung gửi lên quá lớn (tối đa ${p?.limit ?? ''} byte)`,
    en: `The body is too large (at most ${p?.limit ?? ''} bytes)`,
  }),
  unsupported_media_type: () => ({
    vi: 'Chỉ chấp nhận application/json',
    en: 'Only application/json is accepted',
  }),
  empty: () => ({ vi: 'Nội dung gửi lên trống', en: 'The body is empty' }),
  invalid_date: (f) => ({
    vi: `"${f}" không phải ngày hợp lệ (YYYY-MM-DD)`,
    en: `"${f}" is not a valid date (YYYY-MM-DD)`,
  }),
  before_from: (f) => ({
    vi: `"${f}" phải từ ngày "from" trở đi`,
    en: `"${f}" must not be before "from"`,
  }),
  range_too_long: (f) => ({
    vi: `Khoảng ngày quá dài (tối đa 366 ngày, "${f}")`,
    en: `The range is too long (366 days at most, "${f}")`,
  }),
  invalid_instant: (f) => ({
    vi: `"${f}" phải là thời điểm ISO 8601 có múi giờ, ví dụ 2027-02-06T09:00:00+07:00`,
    en: `"${f}" must be an ISO 8601 instant with an offset, e.g. 2027-02-06T09:00:00+07:00`,
  }),
  invalid_duration: (f) => ({
    vi: `"${f}" phải là thời lượng ISO 8601: PnD, PTnH, PTnM hoặc PTnHnM`,
    en: `"${f}" must be an ISO 8601 duration: PnD, PTnH, PTnM or PTnHnM`,
  }),
  unknown_time_zone: (f) => ({
    vi: `Múi giờ không hợp lệ ("${f}")`,
    en: `Unknown time zone ("${f}")`,
  }),
  end_not_after_start: (f) => ({
    vi: `Giờ kết thúc phải sau giờ bắt đầu ("${f}")`,
    en: `The end must be after the start ("${f}")`,
  }),
  overlapping_or_unordered: (f) => ({
    vi: `Các khoảng giờ làm việc phải theo thứ tự và không chồng nhau ("${f}")`,
    en: `Working intervals must be in order and must not overlap ("${f}")`,
  }),
  required_except_for_default: (f) => ({
    vi: `Lịch phải có lịch cha ("${f}"); chỉ lịch của tỉnh không có`,
    en: `A calendar needs a parent ("${f}"); only the province calendar has none`,
  }),
  default_has_no_parent: (f) => ({
    vi: `Lịch của tỉnh không có lịch cha ("${f}")`,
    en: `The province calendar has no parent ("${f}")`,
  }),
  unknown_calendar: (f) => ({ vi: `Không có lịch này ("${f}")`, en: `No such calendar ("${f}")` }),
  cycle: (f) => ({
    vi: `Lịch không thể là tổ tiên của chính nó ("${f}")`,
    en: `A calendar cannot be its own ancestor ("${f}")`,
  }),
  only_for_working: (f) => ({
    vi: `"${f}" chỉ dùng cho ngày làm việc`,
    en: `"${f}" only applies to a working day`,
  }),
  less_than_max_extensions: (f) => ({
    vi: `"${f}" không được nhỏ hơn maxExtensions`,
    en: `"${f}" must not be less than maxExtensions`,
  }),
  extension_too_long: (_f, p) => {
    const max = durationWords(p?.max, p?.unit);
    const asked = durationWords(p?.duration, p?.unit);
    return {
      vi: `Theo quy định, mỗi lần gia hạn tối đa ${max.vi}; đề nghị ${asked.vi} là quá dài`,
      en: `The policy allows at most ${max.en} per extension; ${asked.en} is too long`,
    };
  },
  more_than_asked: (_f, p) => {
    const asked = durationWords(p?.asked, p?.unit);
    const given = durationWords(p?.duration, p?.unit);
    return {
      vi: `Chỉ được duyệt tối đa thời gian đã đề nghị (${asked.vi}), không phải ${given.vi}`,
      en: `At most the time asked for (${asked.en}) may be granted, not ${given.en}`,
    };
  },
  admin_scope_needs_admin_role: () => ({
    vi: 'Chỉ cấp quyền "admin" cho cán bộ có vai trò quản trị',
    en: 'The "admin" scope is only for an official with the admin role',
  }),
  unknown_placeholder: (f, p) => ({
    vi: `"${f}" dùng chỗ trống không có: ${p?.names ?? ''} (chỉ được dùng các chỗ trống đã liệt kê)`,
    en: `"${f}" uses placeholders we do not fill: ${p?.names ?? ''} (use only the ones listed)`,
  }),
  batch_size: (f, p) => ({
    vi: `"${f}" cần từ 1 đến ${p?.limit ?? ''} phản ánh`,
    en: `"${f}" takes from 1 to ${p?.limit ?? ''} cases`,
  }),
  unknown_unit: (f) => ({ vi: `Không có đơn vị này ("${f}")`, en: `No such unit ("${f}")` }),
  unknown_assignee: (f) => ({
    vi: `Không có cán bộ đang làm việc với mã này ("${f}")`,
    en: `No active official has this id ("${f}")`,
  }),
  unknown_case: (f) => ({
    vi: `Không tìm thấy phản ánh ("${f}")`,
    en: `No such case ("${f}")`,
  }),
  same_case: (f) => ({
    vi: `Không thể gộp phản ánh vào chính nó ("${f}")`,
    en: `A case cannot be merged into itself ("${f}")`,
  }),
  invalid_version: (f) => ({
    vi: `"${f}" phải là số phiên bản, ví dụ "3"`,
    en: `"${f}" must be a version number, e.g. "3"`,
  }),
  inactive_unit: (f) => ({
    vi: `Đơn vị đã ngừng hoạt động, bị xoá hoặc sáp nhập ("${f}")`,
    en: `The unit is no longer active: deleted, deactivated or merged ("${f}")`,
  }),
  unknown_official: (f) => ({
    vi: `Không có cán bộ với email này ("${f}")`,
    en: `No official has this e-mail ("${f}")`,
  }),
  inactive_official: (f) => ({
    vi: `Cán bộ không còn hoạt động ("${f}")`,
    en: `The official is no longer active ("${f}")`,
  }),
  official_not_in_unit: (f) => ({
    vi: `Cán bộ không thuộc đơn vị tiếp nhận ("${f}")`,
    en: `The official does not belong to the target unit ("${f}")`,
  }),
  only_for_named: (f) => ({
    vi: `"${f}" chỉ dùng với cách phân công "named"`,
    en: `"${f}" only applies to the "named" strategy`,
  }),
  proof_required: () => ({
    vi: 'Cần mã bí mật của phản ánh (X-Case-Token) hoặc mã xác nhận gửi qua SMS (X-Case-Otp)',
    en: 'Send the case’s secret token (X-Case-Token) or a one-time code sent by SMS (X-Case-Otp)',
  }),
  proof_invalid: (_f, p) => ({
    vi: `Mã không đúng hoặc đã hết hạn${p?.remainingTries !== undefined ? ` (còn ${p.remainingTries} lần thử)` : ''}`,
    en: `The code is wrong or has expired${p?.remainingTries !== undefined ? ` (${p.remainingTries} tries left)` : ''}`,
  }),
  otp_locked: (_f, p) => ({
    vi: `Nhập sai quá nhiều lần; thử lại sau ${p?.retryAfterSeconds ?? ''} giây`,
    en: `Too many wrong codes; try again in ${p?.retryAfterSeconds ?? ''} seconds`,
  }),
  empty_word: (f) => ({
    vi: `Từ khoá phải có ít nhất một chữ cái hoặc chữ số ("${f}")`,
    en: `A word needs at least one letter or digit ("${f}")`,
  }),
  // Rules of the case machine (packages/domain rule-codes) and of the use cases around it.
  ...caseRules({
    role_not_allowed: ['Vai trò của bạn không được làm việc này', 'Your role may not do this'],
    not_allowed_in_status: [
      'Phản ánh đang ở trạng thái không cho phép thao tác này',
      'The case is not in a status that allows this',
    ],
    other_unit: ['Phản ánh thuộc đơn vị khác', 'The case belongs to another unit'],
    not_assignee: [
      'Chỉ cán bộ được giao hoặc lãnh đạo đơn vị được làm việc này',
      'Only the assigned handler or a unit leader may do this',
    ],
    extension_limit_reached: [
      'Đã hết số lần gia hạn quy định cho phép',
      'The policy allows no more extensions',
    ],
    no_unit: ['Phản ánh chưa có đơn vị xử lý', 'The case has no unit yet'],
    already_assigned: [
      'Phản ánh đã giao cho cán bộ này',
      'The case is already assigned to this official',
    ],
    no_unit_to_transfer: [
      'Phản ánh chưa có đơn vị để chuyển đi',
      'The case has no unit to transfer from',
    ],
    not_held_by_from_unit: [
      'Phản ánh không còn ở đơn vị chuyển đi',
      'The case is no longer held by the unit it is transferred from',
    ],
    already_in_unit: ['Phản ánh đã ở đơn vị này', 'The case is already held by that unit'],
    transfer_reason_required: ['Cần nêu lý do chuyển', 'A transfer needs a reason'],
    not_held_by_merged_unit: [
      'Phản ánh không thuộc đơn vị bị sáp nhập',
      'The case is not held by the merged unit',
    ],
    extension_already_pending: [
      'Đã có một đề nghị gia hạn đang chờ duyệt',
      'An extension request is already pending',
    ],
    extension_reason_required: ['Cần nêu lý do gia hạn', 'An extension needs a reason'],
    no_pending_extension: [
      'Không có đề nghị gia hạn nào đang chờ',
      'No extension request is pending',
    ],
    refusal_reason_required: ['Cần nêu lý do từ chối', 'A refusal needs a reason'],
    resolution_already_pending: [
      'Đã có kết quả xử lý đang chờ lãnh đạo duyệt',
      'A resolution is already awaiting approval',
    ],
    resolution_text_required: ['Cần nhập nội dung kết quả xử lý', 'A resolution needs its text'],
    no_pending_resolution: [
      'Không có kết quả xử lý nào đang chờ duyệt',
      'No resolution is awaiting approval',
    ],
    reopen_reason_required: ['Cần nêu lý do mở lại', 'Reopening needs a reason'],
    info_text_or_file_required: [
      'Cần nhập nội dung hoặc gửi kèm tệp',
      'Write the information or attach a file',
    ],
    rejection_note_required: [
      'Cần ghi chú gửi người dân khi từ chối',
      'A rejection needs a note for the citizen',
    ],
    already_escalated: [
      'Phản ánh đã ở cấp báo cáo này',
      'The case is already at that escalation level',
    ],
    already_rated: ['Phản ánh đã được đánh giá', 'The case has already been rated'],
    denunciation_never_published: [
      'Đơn tố cáo không bao giờ được công khai',
      'A denunciation is never published',
    ],
    denunciation: ['Đơn tố cáo không bao giờ được công khai', 'A denunciation is never published'],
    no_consent: [
      'Người dân không đồng ý công khai phản ánh này',
      'The citizen did not consent to publication',
    ],
    not_answered: [
      'Chỉ công khai phản ánh đã có kết quả',
      'Only an answered case may be published',
    ],
    public_text_required: ['Cần nội dung công khai', 'The public text is empty'],
    public_answer_required: ['Cần câu trả lời công khai', 'The public answer is empty'],
    leader_only: [
      'Chỉ lãnh đạo đơn vị được duyệt kết quả xử lý',
      'Only a unit leader may approve a resolution',
    ],
    reopen_window_passed: [
      'Chỉ mở lại được trong 7 ngày kể từ khi có kết quả',
      'A case can be reopened only within 7 days of its resolution',
    ],
    already_satisfied: [
      'Phản ánh đã được đánh giá hài lòng nên không mở lại được',
      'A case rated as satisfactory cannot be reopened',
    ],
  }),
  merge_target_closed: () => ({
    vi: 'Không gộp được vào phản ánh đã gộp, bị từ chối hoặc đã rút',
    en: 'A case cannot be merged into one that is merged, rejected or withdrawn',
  }),
};

/** Adds the human messages to a field problem. */
export function toFieldError(p: FieldProblem): FieldError {
  const message = MESSAGES[p.reason]?.(p.field, p.params) ?? {
    vi: `"${p.field}" không hợp lệ (${p.reason})`,
    en: `"${p.field}" is invalid (${p.reason})`,
  };
  return { field: p.field, reason: p.reason, ...(p.params ? { params: p.params } : {}), message };
}

import type { Escalated, SlaTargetName } from '../case/case-events.js';

export const NOTIFICATION_LOCALES = ['vi', 'en'] as const;
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];
export type NotificationChannel = 'sms' | 'email' | 'in_app';

/** What every case message may mention; nothing personal (no name, phone or address). */
export interface CaseMessageContext {
  /** As shown to people: `K7QM-4RX9`. */
  trackingCode: string;
  categoryName: string;
  unitName: string | null;
  /** The resolution deadline as local time (`17:00 16/12/2026`), when there is one. */
  deadline: string | null;
  /** The public page of the case, where a citizen reads the answer and rates it. */
  trackingUrl: string | null;
}

export interface DigestCase {
  trackingCode: string;
  categoryName: string;
  deadline: string;
}

/** Each template and the context it needs. */
export interface TemplateContexts {
  citizen_receipt: CaseMessageContext;
  citizen_info_requested: CaseMessageContext & { question: string };
  citizen_replied: CaseMessageContext & { replyText: string };
  citizen_resolved: CaseMessageContext & { resolutionText: string };
  official_assigned: CaseMessageContext;
  sla_warning: CaseMessageContext & { target: SlaTargetName; dueAt: string };
  escalation: CaseMessageContext & { level: number; reason: Escalated['reason'] };
  /** A handler asks the unit's leaders to decide: more time, or the proposed resolution. */
  approval_requested: CaseMessageContext & { request: 'extension' | 'resolution' };
  /**
   * The citizen was heard from: more information, a low rating (1–2), or a reopened case.
   * `rating` only for a rating.
   */
  citizen_follow_up: CaseMessageContext & { what: CitizenFollowUp; rating?: number };
  daily_digest: { unitName: string; date: string; cases: readonly DigestCase[] };
}

/** What a citizen did that the case's handler must hear about. */
export type CitizenFollowUp = 'information' | 'low_rating' | 'reopened';
export type NotificationTemplate = keyof TemplateContexts;
export const NOTIFICATION_TEMPLATES = [
  'citizen_receipt',
  'citizen_info_requested',
  'citizen_replied',
  'citizen_resolved',
  'official_assigned',
  'sla_warning',
  'escalation',
  'approval_requested',
  'citizen_follow_up',
  'daily_digest',
] as const satisfies readonly NotificationTemplate[];

/** A message ready to send: e-mail and in-app have a subject (title); SMS only a body. */
export interface RenderedMessage {
  subject?: string;
  body: string;
}

/** Per locale: a short SMS text, and the subject and body for e-mail and the in-app inbox. */
interface Texts {
  sms: string;
  subject: string;
  /** The body of e-mail and in-app messages; e-mail adds a greeting and a footer. */
  body: string;
}
type Template<C> = Record<NotificationLocale, (c: C) => Texts>;

const EMAIL_WRAP: Record<NotificationLocale, (body: string) => string> = {
  vi: (body) =>
    `Kính gửi ông/bà,\n\n${body}\n\nĐây là thư gửi tự động từ hệ thống tiếp nhận phản ánh, kiến nghị; vui lòng không trả lời thư này.`,
  en: (body) =>
    `Dear Sir or Madam,\n\n${body}\n\nThis message was sent automatically by the citizens' feedback service; please do not reply to it.`,
};

const unitVi = (c: CaseMessageContext) => c.unitName ?? 'cơ quan có thẩm quyền';
const unitEn = (c: CaseMessageContext) => c.unitName ?? 'the responsible office';
const deadlineVi = (c: CaseMessageContext) => (c.deadline ? ` Hạn giải quyết: ${c.deadline}.` : '');
const deadlineEn = (c: CaseMessageContext) => (c.deadline ? ` Due by ${c.deadline}.` : '');
const trackVi = (c: CaseMessageContext) =>
  c.trackingUrl
    ? ` Tra cứu: ${c.trackingUrl}`
    : ' Tra cứu bằng mã này trên cổng tiếp nhận phản ánh.';
const trackEn = (c: CaseMessageContext) =>
  c.trackingUrl
    ? ` Track it: ${c.trackingUrl}`
    : ' Track it with this code on the feedback portal.';
const rateVi = (c: CaseMessageContext) =>
  c.trackingUrl
    ? `Xem nội dung và đánh giá mức độ hài lòng (1-5 sao) tại ${c.trackingUrl}`
    : `Xem nội dung và đánh giá mức độ hài lòng (1-5 sao) bằng mã ${c.trackingCode} trên cổng tiếp nhận phản ánh`;
const rateEn = (c: CaseMessageContext) =>
  c.trackingUrl
    ? `Read it and rate how satisfied you are (1-5 stars) at ${c.trackingUrl}`
    : `Read it and rate how satisfied you are (1-5 stars) with code ${c.trackingCode} on the feedback portal`;

/** Long free text in an SMS is cut: the whole of it is on the tracking page and in e-mail. */
const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 3).trimEnd()}...`;

const TARGET_VI: Record<SlaTargetName, string> = {
  acceptance: 'thụ lý',
  first_response: 'phản hồi lần đầu',
  resolution: 'giải quyết',
};
const TARGET_EN: Record<SlaTargetName, string> = {
  acceptance: 'acceptance',
  first_response: 'first response',
  resolution: 'resolution',
};
const REASON_VI: Record<Escalated['reason'], string> = {
  deadline_passed: 'đã quá hạn',
  too_many_transfers: 'bị chuyển qua lại giữa các đơn vị nhiều lần',
  manual: 'theo chỉ đạo',
};
const REASON_EN: Record<Escalated['reason'], string> = {
  deadline_passed: 'its deadline has passed',
  too_many_transfers: 'it has been transferred between units too many times',
  manual: 'on instruction',
};

const TEMPLATES: { [T in NotificationTemplate]: Template<TemplateContexts[T]> } = {
  citizen_receipt: {
    vi: (c) => ({
      sms: `Phản ánh của bạn (${c.categoryName}) đã được tiếp nhận, mã tra cứu ${c.trackingCode}, chuyển ${unitVi(c)} xử lý.${trackVi(c)}`,
      subject: `Đã tiếp nhận phản ánh ${c.trackingCode}`,
      body: `Phản ánh, kiến nghị của ông/bà thuộc lĩnh vực "${c.categoryName}" đã được tiếp nhận và chuyển đến ${unitVi(c)} để xử lý.\nMã tra cứu: ${c.trackingCode}.${deadlineVi(c)}\n${trackVi(c).trim()}`,
    }),
    en: (c) => ({
      sms: `Your feedback (${c.categoryName}) has been received, tracking code ${c.trackingCode}, sent to ${unitEn(c)}.${trackEn(c)}`,
      subject: `Feedback ${c.trackingCode} received`,
      body: `Your feedback on "${c.categoryName}" has been received and sent to ${unitEn(c)}.\nTracking code: ${c.trackingCode}.${deadlineEn(c)}\n${trackEn(c).trim()}`,
    }),
  },
  citizen_info_requested: {
    vi: (c) => ({
      sms: `${unitVi(c)} đề nghị bạn bổ sung thông tin cho phản ánh ${c.trackingCode}: "${clip(c.question, 200)}". Vui lòng bổ sung qua đường dây nóng hoặc cổng tiếp nhận phản ánh.`,
      subject: `Đề nghị bổ sung thông tin cho phản ánh ${c.trackingCode}`,
      body: `${unitVi(c)} đề nghị ông/bà bổ sung thông tin cho phản ánh ${c.trackingCode} (${c.categoryName}):\n\n${c.question}\n\nVui lòng bổ sung qua đường dây nóng hoặc cổng tiếp nhận phản ánh; thời hạn giải quyết tạm dừng trong khi chờ ông/bà trả lời.`,
    }),
    en: (c) => ({
      sms: `${unitEn(c)} asks for more information on feedback ${c.trackingCode}: "${clip(c.question, 200)}". Please answer through the hotline or the feedback portal.`,
      subject: `More information needed for feedback ${c.trackingCode}`,
      body: `${unitEn(c)} asks for more information on your feedback ${c.trackingCode} (${c.categoryName}):\n\n${c.question}\n\nPlease answer through the hotline or the feedback portal; the deadline is paused until you do.`,
    }),
  },
  citizen_replied: {
    vi: (c) => ({
      sms: `${unitVi(c)} đã trả lời phản ánh ${c.trackingCode}. ${rateVi(c)}.`,
      subject: `Trả lời phản ánh ${c.trackingCode}`,
      body: `${unitVi(c)} đã trả lời phản ánh ${c.trackingCode} (${c.categoryName}):\n\n${c.replyText}\n\n${rateVi(c)}.`,
    }),
    en: (c) => ({
      sms: `${unitEn(c)} has replied to feedback ${c.trackingCode}. ${rateEn(c)}.`,
      subject: `Reply to feedback ${c.trackingCode}`,
      body: `${unitEn(c)} has replied to your feedback ${c.trackingCode} (${c.categoryName}):\n\n${c.replyText}\n\n${rateEn(c)}.`,
    }),
  },
  citizen_resolved: {
    vi: (c) => ({
      sms: `Phản ánh ${c.trackingCode} đã được ${unitVi(c)} giải quyết. ${rateVi(c)}.`,
      subject: `Kết quả giải quyết phản ánh ${c.trackingCode}`,
      body: `Phản ánh ${c.trackingCode} (${c.categoryName}) đã được ${unitVi(c)} giải quyết:\n\n${c.resolutionText}\n\n${rateVi(c)}. Nếu chưa hài lòng, ông/bà có thể đề nghị xem xét lại.`,
    }),
    en: (c) => ({
      sms: `Feedback ${c.trackingCode} has been resolved by ${unitEn(c)}. ${rateEn(c)}.`,
      subject: `Feedback ${c.trackingCode} resolved`,
      body: `Your feedback ${c.trackingCode} (${c.categoryName}) has been resolved by ${unitEn(c)}:\n\n${c.resolutionText}\n\n${rateEn(c)}. If you are not satisfied, you may ask for it to be reopened.`,
    }),
  },
  official_assigned: {
    vi: (c) => ({
      sms: `Bạn được giao xử lý phản ánh ${c.trackingCode} (${c.categoryName}).${deadlineVi(c)}`,
      subject: `Được giao xử lý phản ánh ${c.trackingCode}`,
      body: `Bạn được giao xử lý phản ánh ${c.trackingCode} (${c.categoryName}) của ${unitVi(c)}.${deadlineVi(c)}`,
    }),
    en: (c) => ({
      sms: `You have been assigned feedback ${c.trackingCode} (${c.categoryName}).${deadlineEn(c)}`,
      subject: `Feedback ${c.trackingCode} assigned to you`,
      body: `You have been assigned feedback ${c.trackingCode} (${c.categoryName}) of ${unitEn(c)}.${deadlineEn(c)}`,
    }),
  },
  sla_warning: {
    vi: (c) => ({
      sms: `Phản ánh ${c.trackingCode} sắp đến hạn ${TARGET_VI[c.target]}: ${c.dueAt}.`,
      subject: `Sắp đến hạn ${TARGET_VI[c.target]}: phản ánh ${c.trackingCode}`,
      body: `Phản ánh ${c.trackingCode} (${c.categoryName}) của ${unitVi(c)} sắp đến hạn ${TARGET_VI[c.target]}: ${c.dueAt}.`,
    }),
    en: (c) => ({
      sms: `Feedback ${c.trackingCode} is nearly due for ${TARGET_EN[c.target]}: ${c.dueAt}.`,
      subject: `${TARGET_EN[c.target]} due soon: feedback ${c.trackingCode}`,
      body: `Feedback ${c.trackingCode} (${c.categoryName}) of ${unitEn(c)} is nearly due for ${TARGET_EN[c.target]}: ${c.dueAt}.`,
    }),
  },
  escalation: {
    vi: (c) => ({
      sms: `Phản ánh ${c.trackingCode} (${c.categoryName}) được chuyển lên cấp ${c.level} để đôn đốc vì ${REASON_VI[c.reason]}.${deadlineVi(c)}`,
      subject: `Đôn đốc phản ánh ${c.trackingCode} (cấp ${c.level})`,
      body: `Phản ánh ${c.trackingCode} (${c.categoryName}) do ${unitVi(c)} xử lý được chuyển lên cấp ${c.level} để đôn đốc vì ${REASON_VI[c.reason]}.${deadlineVi(c)}`,
    }),
    en: (c) => ({
      sms: `Feedback ${c.trackingCode} (${c.categoryName}) is escalated to level ${c.level}: ${REASON_EN[c.reason]}.${deadlineEn(c)}`,
      subject: `Feedback ${c.trackingCode} escalated (level ${c.level})`,
      body: `Feedback ${c.trackingCode} (${c.categoryName}) handled by ${unitEn(c)} is escalated to level ${c.level}: ${REASON_EN[c.reason]}.${deadlineEn(c)}`,
    }),
  },
  approval_requested: {
    vi: (c) => ({
      sms: `Phản ánh ${c.trackingCode} chờ lãnh đạo duyệt ${c.request === 'extension' ? 'gia hạn' : 'kết quả giải quyết'}.`,
      subject: `Chờ duyệt ${c.request === 'extension' ? 'gia hạn' : 'kết quả giải quyết'}: phản ánh ${c.trackingCode}`,
      body: `Phản ánh ${c.trackingCode} (${c.categoryName}) của ${unitVi(c)} chờ lãnh đạo duyệt ${c.request === 'extension' ? 'đề nghị gia hạn' : 'kết quả giải quyết'}.${deadlineVi(c)}`,
    }),
    en: (c) => ({
      sms: `Feedback ${c.trackingCode} awaits a leader's decision on ${c.request === 'extension' ? 'an extension' : 'its resolution'}.`,
      subject: `${c.request === 'extension' ? 'Extension' : 'Resolution'} to approve: feedback ${c.trackingCode}`,
      body: `Feedback ${c.trackingCode} (${c.categoryName}) of ${unitEn(c)} awaits a leader's decision on ${c.request === 'extension' ? 'a request for more time' : 'the proposed resolution'}.${deadlineEn(c)}`,
    }),
  },
  citizen_follow_up: {
    vi: (c) => {
      const what = {
        information: 'đã bổ sung thông tin cho',
        low_rating: `đánh giá ${c.rating ?? ''}/5 sao (chưa hài lòng) với kết quả giải quyết`,
        reopened: 'chưa hài lòng và đã mở lại',
      }[c.what];
      return {
        sms: `Công dân ${what} phản ánh ${c.trackingCode}.`,
        subject: `Công dân ${what} phản ánh ${c.trackingCode}`,
        body: `Công dân ${what} phản ánh ${c.trackingCode} (${c.categoryName}) của ${unitVi(c)}. Xem chi tiết trên hệ thống.${deadlineVi(c)}`,
      };
    },
    en: (c) => {
      const what = {
        information: 'sent more information on',
        low_rating: `gave ${c.rating ?? ''}/5 (not satisfied) to the answer on`,
        reopened: 'is not satisfied and reopened',
      }[c.what];
      return {
        sms: `The citizen ${what} feedback ${c.trackingCode}.`,
        subject: `The citizen ${what} feedback ${c.trackingCode}`,
        body: `The citizen ${what} feedback ${c.trackingCode} (${c.categoryName}) of ${unitEn(c)}. See the console.${deadlineEn(c)}`,
      };
    },
  },
  daily_digest: {
    vi: (c) => ({
      sms: `${c.unitName}: ${c.cases.length} phản ánh quá hạn ngày ${c.date}. Xem chi tiết trên hệ thống.`,
      subject: `${c.unitName}: ${c.cases.length} phản ánh quá hạn ngày ${c.date}`,
      body: [
        `Các phản ánh quá hạn của ${c.unitName} ngày ${c.date}:`,
        ...c.cases.map((k) => `- ${k.trackingCode} (${k.categoryName}), hạn ${k.deadline}`),
      ].join('\n'),
    }),
    en: (c) => ({
      sms: `${c.unitName}: ${c.cases.length} overdue feedback cases on ${c.date}. See the console.`,
      subject: `${c.unitName}: ${c.cases.length} overdue feedback cases on ${c.date}`,
      body: [
        `Overdue feedback cases of ${c.unitName} on ${c.date}:`,
        ...c.cases.map((k) => `- ${k.trackingCode} (${k.categoryName}), due ${k.deadline}`),
      ].join('\n'),
    }),
  },
};

/**
 * A template rendered for one channel and locale (Vietnamese unless told otherwise). SMS gets
 * the short text (fold it with `toSmsText` before sending); e-mail a subject and a full letter;
 * in-app a title and the body.
 */
export function renderNotification<T extends NotificationTemplate>(
  template: T,
  context: TemplateContexts[T],
  options: { channel: NotificationChannel; locale?: NotificationLocale },
): RenderedMessage {
  const locale = options.locale ?? 'vi';
  const texts = TEMPLATES[template][locale](context);
  switch (options.channel) {
    case 'sms':
      return { body: texts.sms };
    case 'email':
      return { subject: texts.subject, body: EMAIL_WRAP[locale](texts.body) };
    case 'in_app':
      return { subject: texts.subject, body: texts.body };
  }
}

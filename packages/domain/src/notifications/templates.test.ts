import { describe, expect, it } from 'vitest';
import { formatLocalTime } from '../time/format-instant.js';
import { smsSegments, toSmsText } from './sms-text.js';
import {
  NOTIFICATION_LOCALES,
  NOTIFICATION_TEMPLATES,
  renderNotification,
  type CaseMessageContext,
  type NotificationTemplate,
  type TemplateContexts,
} from './templates.js';

const base: CaseMessageContext = {
  trackingCode: 'K7QM-4RX9',
  categoryName: 'Môi trường',
  unitName: 'Sở Tài nguyên và Môi trường',
  deadline: '17:00 16/12/2026',
  trackingUrl: 'https://hotline.hatinh.gov.vn/v1/cases/K7QM-4RX9',
};
const contexts: TemplateContexts = {
  citizen_receipt: base,
  citizen_info_requested: { ...base, question: 'Đề nghị cho biết vị trí chính xác.' },
  citizen_replied: { ...base, replyText: 'Đã chỉ đạo UBND xã kiểm tra.' },
  citizen_resolved: { ...base, resolutionText: 'Đã thu gom, xử lý bãi rác.' },
  official_assigned: base,
  sla_warning: { ...base, target: 'resolution', dueAt: '17:00 16/12/2026' },
  escalation: { ...base, level: 2, reason: 'deadline_passed' },
  approval_requested: { ...base, request: 'resolution' },
  citizen_follow_up: { ...base, what: 'low_rating', rating: 2 },
  daily_digest: {
    unitName: 'Sở Xây dựng',
    date: '23/11/2026',
    cases: [{ trackingCode: 'K7QM-4RX9', categoryName: 'Xây dựng', deadline: '17:00 20/11/2026' }],
  },
};
const render = <T extends NotificationTemplate>(
  t: T,
  channel: 'sms' | 'email' | 'in_app',
  locale: 'vi' | 'en' = 'vi',
) => renderNotification(t, contexts[t], { channel, locale });

describe('notification templates', () => {
  it.each(NOTIFICATION_TEMPLATES.flatMap((t) => NOTIFICATION_LOCALES.map((l) => [t, l] as const)))(
    '%s (%s): every channel renders and names the case',
    (template, locale) => {
      for (const channel of ['sms', 'email', 'in_app'] as const) {
        const m = render(template, channel, locale);
        // The digest's SMS only counts the cases; its e-mail and inbox entry list them.
        if (template !== 'daily_digest' || channel !== 'sms') expect(m.body).toContain('K7QM-4RX9');
        expect(m.body).not.toMatch(/undefined|null|\[object/);
        if (channel === 'sms') expect(m.subject).toBeUndefined();
        else expect(m.subject).toBeTruthy();
      }
    },
  );

  it('writes Vietnamese by default, English when asked', () => {
    const vi = renderNotification('citizen_receipt', base, { channel: 'sms' });
    expect(vi.body).toContain('đã được tiếp nhận');
    expect(render('citizen_receipt', 'sms', 'en').body).toContain('has been received');
    expect(render('citizen_receipt', 'email', 'en').body).not.toContain('Kính gửi');
  });

  it('tells the citizen how to rate, with or without a link', () => {
    expect(render('citizen_resolved', 'sms').body).toContain(`đánh giá mức độ hài lòng`);
    expect(render('citizen_resolved', 'sms').body).toContain(base.trackingUrl);
    const noLink = renderNotification(
      'citizen_replied',
      { ...contexts.citizen_replied, trackingUrl: null },
      { channel: 'sms' },
    );
    expect(noLink.body).toContain('bằng mã K7QM-4RX9');
  });

  it('puts the full text in e-mail and clips it in SMS', () => {
    const question = 'Xin cho biết '.repeat(40);
    const ctx = { ...contexts.citizen_info_requested, question };
    const sms = renderNotification('citizen_info_requested', ctx, { channel: 'sms' });
    const email = renderNotification('citizen_info_requested', ctx, { channel: 'email' });
    expect(email.body).toContain(question);
    expect(sms.body.length).toBeLessThan(400);
    expect(sms.body).toContain('...');
  });

  it('a folded receipt fits one or two GSM-7 messages; unfolded it is UCS-2', () => {
    const sms = render('citizen_receipt', 'sms').body;
    expect(smsSegments(sms).encoding).toBe('UCS-2');
    const folded = smsSegments(toSmsText(sms, { foldToAscii: true }));
    expect(folded.encoding).toBe('GSM-7');
    expect(folded.segments).toBeLessThanOrEqual(2);
  });

  it('falls back when the case has no unit or deadline yet', () => {
    const m = renderNotification(
      'citizen_receipt',
      { ...base, unitName: null, deadline: null, trackingUrl: null },
      { channel: 'email' },
    );
    expect(m.body).toContain('cơ quan có thẩm quyền');
    expect(m.body).not.toContain('Hạn giải quyết');
  });
});

describe('formatLocalTime', () => {
  it('shows an instant in the zone as HH:mm dd/MM/yyyy', () => {
    expect(formatLocalTime(new Date('2026-12-16T10:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(
      '17:00 16/12/2026',
    );
    expect(formatLocalTime(new Date('2026-12-31T17:05:00Z'), 'Asia/Ho_Chi_Minh')).toBe(
      '00:05 01/01/2027',
    );
  });

  it('tells the handler what the citizen did, with the stars of a low rating', () => {
    const text = (what: 'information' | 'low_rating' | 'reopened') =>
      renderNotification('citizen_follow_up', { ...base, what, rating: 1 }, { channel: 'in_app' })
        .subject;
    expect(text('information')).toBe('Công dân đã bổ sung thông tin cho phản ánh K7QM-4RX9');
    expect(text('low_rating')).toContain('1/5 sao');
    expect(text('reopened')).toContain('mở lại phản ánh K7QM-4RX9');
  });
});

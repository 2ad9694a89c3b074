import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@hotline/testing';
import {
  startNotificationSystem,
  waitForNotification,
  type NotificationSystem,
} from './notification-system.js';

describe('citizen receipt: routed → one SMS (and e-mail) through the log providers', () => {
  let sys: NotificationSystem;
  beforeAll(async () => {
    sys = await startNotificationSystem({ label: 'notify_receipt' });
  });
  afterAll(async () => {
    await sys.close();
  });

  it('sends the receipt once, folded to GSM-7 with its segments recorded, and logs nothing personal', async () => {
    const { trackingCode, caseId } = await sys.submitCase({
      categoryCode: 'moi-truong',
      text: 'Bãi rác tự phát bốc mùi cạnh trường học, đề nghị xử lý.',
      citizen: { name: 'Nguyễn Thị Bích', phone: '0912 345 678', email: 'bich.nguyen@mail.vn' },
    });
    const sms = await waitForNotification(sys, caseId, 'citizen_receipt', 'sms');
    const sent = await sys.waitForStatus(sms.id, 'sent');
    expect(sent).toMatchObject({
      recipientKey: 'citizen',
      address: '+84912345678',
      encoding: 'GSM-7',
      attempts: 1,
      providerMessageId: `log-${sms.id}`,
      lastError: null,
    });
    expect(sent.segments).toBeGreaterThanOrEqual(1);
    expect(sent.body).toContain(trackingCode);
    expect(sent.body).toContain('Trung tam tiep nhan'); // the unit, folded
    expect(sent.sentAt).not.toBeNull();

    const email = await waitForNotification(sys, caseId, 'citizen_receipt', 'email');
    const sentEmail = await sys.waitForStatus(email.id, 'sent');
    expect(sentEmail.subject).toContain(trackingCode);
    expect(sentEmail.body).toContain('Trung tâm tiếp nhận'); // e-mail keeps the diacritics
    expect(sentEmail.segments).toBeNull();

    // Once: one row per channel, whatever else the worker does meanwhile.
    await new Promise((r) => setTimeout(r, 300));
    const rows = await sys.notificationsOf(caseId);
    expect(rows.map((r) => `${r.template}/${r.channel}/${r.status}`)).toEqual([
      'citizen_receipt/email/sent',
      'citizen_receipt/sms/sent',
    ]);

    const logs = sys.logs();
    expect(logs).toContain('sms sent (log provider)');
    expect(logs).toContain(sms.id);
    for (const personal of ['912345678', '912 345 678', 'bich.nguyen', 'Nguyễn', 'Bích']) {
      expect(logs).not.toContain(personal);
    }
    // Nor the text of the message.
    expect(logs).not.toContain('tiep nhan, ma tra cuu');
    expect(logs).not.toContain(sent.body.slice(0, 30));
  });

  it('tells no one when the citizen left no contact', async () => {
    const { caseId } = await sys.submitCase({
      categoryCode: 'xay-dung',
      text: 'Công trình xây dựng không phép lấn chiếm vỉa hè.',
      isAnonymous: true,
    });
    await waitFor(
      async () => {
        const [row] = await sys.database.db.execute<{ n: number }>(
          sql`select count(*)::int as n from case_events where type = 'routed' and case_id = ${caseId}`,
        );
        return row && row.n > 0 ? true : undefined;
      },
      { what: 'routed' },
    );
    expect(await sys.notificationsOf(caseId)).toEqual([]);
  });
});

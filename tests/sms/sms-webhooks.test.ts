import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import {
  codeIn,
  GENERIC_SECRET,
  postGeneric,
  postTwilio,
  PUBLIC_BASE,
  sms,
  TWILIO_TOKEN,
  startSmsSystem,
  type SmsSystem,
} from './sms-support.js';

describe('SMS webhooks: signatures, exactly-once intake', () => {
  let sys: SmsSystem;
  let sql: postgres.Sql;
  const counts = async () => {
    const [r] = await sql<{ messages: number; cases: number }[]>`
      select (select count(*)::int from inbound_messages) as messages,
             (select count(*)::int from cases) as cases`;
    return r!;
  };
  beforeAll(async () => {
    sys = await startSmsSystem('sms_hooks', {
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      SMS_WEBHOOK_SECRETS: `acme:${GENERIC_SECRET},other:another-secret-0123`,
      PUBLIC_BASE_URL: PUBLIC_BASE,
    });
    sql = postgres(sys.database.url, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql.end();
    await sys.close();
  });

  it('a signed Twilio SMS becomes one case; the TwiML answer holds its tracking code', async () => {
    const msg = sms(
      '0912345678',
      sys.province.hotlineNumber,
      'Đèn đường khu phố 3 hỏng cả tuần nay.',
      {
        NumMedia: '1',
        MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM1/Media/ME1',
        MediaContentType0: 'image/jpeg',
      },
    );
    const res = await postTwilio(sys.baseUrl, msg);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/xml/);
    expect(res.text).toMatch(/<Response><Message>Da tiep nhan phan anh cua ban\. Ma tra cuu: /);
    const code = codeIn(res.text)!;
    const [row] = await sql`
      select c.id, c.channel, c.citizen_phone, c.text, c.hotline_id is not null as has_hotline,
        cat.code as category, im.outcome, im.reply
      from cases c join categories cat on cat.id = c.category_id
        join inbound_messages im on im.case_id = c.id
      where c.tracking_code = ${code.replace('-', '')}`;
    expect(row).toMatchObject({
      channel: 'sms',
      citizen_phone: '+84912345678',
      text: 'Đèn đường khu phố 3 hỏng cả tuần nay.',
      has_hotline: true,
      category: 'khac',
      outcome: 'case',
    });
    expect(res.text).toContain(row!.reply as string);
    const media =
      await sql`select source, external_url, content_type from attachments where case_id = ${row!.id as string}`;
    expect(media).toEqual([
      {
        source: 'mms',
        external_url: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM1/Media/ME1',
        content_type: 'image/jpeg',
      },
    ]);
  });

  it('a tampered body, a wrong URL, a wrong token or no header is refused with 403, nothing stored', async () => {
    const before = await counts();
    const msg = () =>
      sms('0912345679', sys.province.hotlineNumber, 'Nước thải chảy ra đường làng.');
    for (const res of [
      await postTwilio(sys.baseUrl, msg(), { tamper: true }),
      await postTwilio(sys.baseUrl, msg(), { signUrl: `${PUBLIC_BASE}/webhooks/sms/other` }),
      await postTwilio(sys.baseUrl, msg(), { signUrl: `http://127.0.0.1/webhooks/sms/twilio` }),
      await postTwilio(sys.baseUrl, msg(), { token: 'not-the-token-0123' }),
      await postTwilio(sys.baseUrl, msg(), { signature: null }),
      await postTwilio(sys.baseUrl, msg(), { signature: 'AAAA' }),
    ]) {
      expect(res.status).toBe(403);
      expect(JSON.parse(res.text)).toMatchObject({ code: 'INVALID_SIGNATURE' });
    }
    expect(await counts()).toEqual(before);
  });

  it('the same MessageSid posted 5 times at once: one case, the same answer each time', async () => {
    const before = await counts();
    const msg = sms('0912345680', sys.province.hotlineNumber, 'Rác thải ùn ứ ở chợ xã nhiều ngày.');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => postTwilio(sys.baseUrl, msg)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(codeIn(answers[0]!.text)).not.toBeNull();
    const after = await counts();
    expect(after.cases - before.cases).toBe(1);
    expect(after.messages - before.messages).toBe(1);
  });

  it('an unknown hotline number still becomes a case, without a hotline', async () => {
    const res = await postTwilio(
      sys.baseUrl,
      sms('0912345681', '+15005550006', 'Ổ gà lớn giữa đường liên xã.'),
    );
    expect(res.status).toBe(200);
    const code = codeIn(res.text)!;
    const [row] = await sql`
      select c.hotline_id, im.to_number, im.hotline_id as message_hotline
      from cases c join inbound_messages im on im.case_id = c.id
      where c.tracking_code = ${code.replace('-', '')}`;
    expect(row).toEqual({ hotline_id: null, to_number: '+15005550006', message_hotline: null });
  });

  it('the generic webhook: signed JSON makes a case; the reply is in the answer', async () => {
    const message = {
      id: 'acme-1',
      from: '0912345682',
      to: sys.province.hotlineNumber,
      text: 'Karaoke hát to sau 23 giờ ở tổ 4.',
      receivedAt: new Date().toISOString(),
    };
    const res = await postGeneric(sys.baseUrl, 'acme', message);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outcome: 'case', duplicate: false });
    expect(codeIn(res.body!.reply as string)).not.toBeNull();
    const again = await postGeneric(sys.baseUrl, 'acme', message);
    expect(again.body).toEqual({ ...res.body, duplicate: true });
    // The same id from another provider is another message.
    const other = await postGeneric(sys.baseUrl, 'other', message, {
      secret: 'another-secret-0123',
    });
    expect(other.body).toMatchObject({ outcome: 'joined', duplicate: false });
  });

  it('the generic webhook refuses a bad HMAC, a stale or future timestamp, an unknown provider', async () => {
    const before = await counts();
    const message = {
      id: 'acme-2',
      from: '0912345683',
      to: sys.province.hotlineNumber,
      text: 'Cây đổ chắn ngang đường.',
    };
    const now = Math.floor(Date.now() / 1000);
    for (const res of [
      await postGeneric(sys.baseUrl, 'acme', message, { secret: 'wrong-secret-0123' }),
      await postGeneric(sys.baseUrl, 'acme', message, { tamper: true }),
      await postGeneric(sys.baseUrl, 'acme', message, { timestamp: now - 301 }),
      await postGeneric(sys.baseUrl, 'acme', message, { timestamp: now + 301 }),
      await postGeneric(sys.baseUrl, 'nobody', message),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'INVALID_SIGNATURE' });
    }
    expect(await counts()).toEqual(before);
    const fresh = await postGeneric(sys.baseUrl, 'acme', message, { timestamp: now - 200 });
    expect(fresh.status).toBe(200);
  });
});

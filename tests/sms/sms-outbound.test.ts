import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import {
  codeIn,
  postTwilio,
  PUBLIC_BASE,
  sms,
  TWILIO_TOKEN,
  startSmsSystem,
  type SmsSystem,
} from './sms-support.js';

/** SMS_REPLY_MODE=outbound: the webhook answers <Response/>; the reply goes out as an SMS. */
describe('SMS replies through the outbound provider', () => {
  let sys: SmsSystem;
  let sql: postgres.Sql;
  beforeAll(async () => {
    sys = await startSmsSystem('sms_outbound', {
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      PUBLIC_BASE_URL: PUBLIC_BASE,
      SMS_REPLY_MODE: 'outbound',
    });
    sql = postgres(sys.database.url, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql.end();
    await sys.close();
  });

  const replies = () => sql<{ address: string; body: string; case_id: string | null }[]>`
    select n.address, n.body, n.case_id from notifications n
    join outbox o on o.payload->>'notificationId' = n.id::text
    where n.template = 'sms_reply' order by n.created_at`;

  it('queues the answer once per message, to the sender, with the tracking code; retries queue nothing more', async () => {
    const msg = sms('0912 345 679', sys.province.hotlineNumber, 'Cống thoát nước bị tắc ở ngõ 4.');
    const first = await postTwilio(sys.baseUrl, msg);
    expect(first.status).toBe(200);
    expect(first.text).toContain('<Response/>');
    await postTwilio(sys.baseUrl, msg);
    const rows = await replies();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.address).toBe('+84912345679');
    expect(codeIn(rows[0]!.body)).not.toBeNull();
    expect(rows[0]!.case_id).not.toBeNull();
    // A command's answer goes the same way.
    await postTwilio(
      sys.baseUrl,
      sms('0912 345 679', sys.province.hotlineNumber, `TRA ${codeIn(rows[0]!.body)}`),
    );
    expect(await replies()).toHaveLength(2);
  });
});

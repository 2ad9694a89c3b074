import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOf } from '../admin/audit-helpers.js';
import { PNG } from '../case-actions/helpers.js';
import {
  GENERIC_SECRET,
  PUBLIC_BASE,
  TWILIO_TOKEN,
  postGeneric,
  postTwilio,
  sms,
} from '../sms/sms-support.js';
import { startSystem, type TestSystem } from '../support/system.js';

// Whatever fails, the log holds no personal data: each path below once logged the values it
// was given (a failing query with its parameters, a constraint's quoted row).
const NAME = 'Phạm Thị Hồng Nhung';
const EMAIL = 'hong.nhung.pham@example.vn';
const PHONE = '0987654321';
const ADDRESS = 'Số 12 ngõ Hoà Bình 7';
const NUL = '\u0000';

describe('logs never carry personal data, whatever fails', () => {
  let sys: TestSystem;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });

  beforeAll(async () => {
    sys = await startSystem({
      withWorker: false,
      label: 'logprivacy',
      logTo: sink,
      env: {
        LOG_LEVEL: 'debug',
        LOG_PRETTY: 'false',
        TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
        SMS_WEBHOOK_SECRETS: `acme:${GENERIC_SECRET}`,
        PUBLIC_BASE_URL: PUBLIC_BASE,
      },
    });
  });
  afterAll(async () => {
    await sys.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(sys.baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('drives personal data through every failing path and finds none of it in the log', async () => {
    const statuses: number[] = [];
    const note = (res: { status: number }) => statuses.push(res.status);
    // Sign-in with a U+0000 in the login (the e-mail was logged four times).
    note(await post('/v1/auth/sign-in', { login: `${EMAIL}${NUL}`, password: 'x'.repeat(12) }));
    note(await post('/v1/auth/sign-in', { login: EMAIL, password: 'x'.repeat(12) }));
    // An administrator creating an official, then the same e-mail again (a unique violation).
    const admin = await sessionOf(
      sys.baseUrl,
      sys.database.db,
      sys.province.departmentUnitId,
      'admin',
    );
    const official = {
      unitCode: 'triage',
      fullName: NAME,
      email: EMAIL,
      phone: PHONE,
      roles: ['handler'],
    };
    note(await admin.request('POST', '/v1/admin/officials', official));
    note(await admin.request('POST', '/v1/admin/officials', official));
    note(
      await admin.request('POST', '/v1/admin/officials', {
        ...official,
        fullName: `${NAME}${NUL}`,
      }),
    );
    // Intake with the citizen's details and a bad character; then a valid one.
    const citizen = { name: NAME, phone: PHONE, email: EMAIL };
    const intake = { categoryCode: sys.province.categoryCode, address: ADDRESS, citizen };
    note(await post('/v1/cases', { ...intake, text: `Ngập nước${NUL} trước nhà ${ADDRESS}.` }));
    note(await post('/v1/cases', `{"text": "${ADDRESS} ${EMAIL}`));
    const created = await post('/v1/cases', { ...intake, text: `Ngập nước trước nhà ${ADDRESS}.` });
    note(created);
    const { trackingCode, ownerToken } = (await created.json()) as {
      trackingCode: string;
      ownerToken: string;
    };
    // Follow-up with the case's token, and attachments: truncated and malformed multipart.
    const proof = { 'x-case-token': ownerToken };
    note(await post(`/v1/cases/${trackingCode}/information`, { text: `${EMAIL}${NUL}` }, proof));
    const multipart = Buffer.concat([
      Buffer.from(
        `--b\r\nContent-Disposition: form-data; name="file"; filename="${EMAIL}.png"\r\n\r\n`,
      ),
      PNG,
    ]);
    for (const type of ['multipart/form-data; boundary=b', 'multipart/form-data']) {
      note(
        await fetch(`${sys.baseUrl}/v1/cases/${trackingCode}/attachments`, {
          method: 'POST',
          headers: { 'content-type': type, ...proof },
          body: multipart,
        }),
      );
    }
    // SMS webhooks, signed, with a bad character; Open311 the same.
    note(
      await postTwilio(
        sys.baseUrl,
        sms(`+84${PHONE.slice(1)}`, '+842393999000', `${ADDRESS}${NUL}`),
      ),
    );
    note(
      await postGeneric(sys.baseUrl, 'acme', {
        id: 'm-1',
        from: PHONE,
        to: '+842393999000',
        text: `${NAME} ${EMAIL}${NUL}`,
      }),
    );
    note(
      await fetch(`${sys.baseUrl}/open311/v2/requests.json`, {
        method: 'POST',
        body: new URLSearchParams({
          api_key: 'no-such-key',
          service_code: sys.province.categoryCode,
          email: EMAIL,
          phone: PHONE,
          first_name: NAME,
          address_string: `${ADDRESS}${NUL}`,
          description: 'Ổ gà lớn trên đường Trần Phú',
        }),
      }),
    );

    const log = lines.join('');
    expect(log.length).toBeGreaterThan(0);
    for (const value of [NAME, EMAIL, PHONE, PHONE.slice(1), ADDRESS]) {
      expect(log.includes(value), `${value} in the log`).toBe(false);
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });
});

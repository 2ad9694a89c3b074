import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOf } from '../admin/audit-helpers.js';
import {
  GENERIC_SECRET,
  PUBLIC_BASE,
  TWILIO_TOKEN,
  postGeneric,
  postTwilio,
  sms,
} from '../sms/sms-support.js';
import { startSystem, type TestSystem } from '../support/system.js';

interface ErrorBody {
  statusCode: number;
  code: string;
  errors?: { field: string; reason: string; message: { vi: string; en: string } }[];
}

const NUL = '\u0000';

// Postgres cannot store U+0000: each of these used to reach a query and answer 500. Now the
// schema (or the parser) refuses it with a 400 naming the field, and nothing is written.
describe('characters Postgres cannot store: a 400 naming the field, nothing written', () => {
  let sys: TestSystem;
  let admin: Awaited<ReturnType<typeof sessionOf>>;
  let trackingCode: string;
  let ownerToken: string;
  let counts: Record<string, number>;

  const countRows = async () => {
    const [row] = await sys.database.db.execute<Record<string, number>>(sql`
      select (select count(*)::int from cases) as cases,
             (select count(*)::int from case_events) as events,
             (select count(*)::int from outbox) as outbox,
             (select count(*)::int from officials) as officials,
             (select count(*)::int from admin_audit) as audit,
             (select count(*)::int from attachments) as attachments,
             (select count(*)::int from inbound_messages) as sms`);
    return row!;
  };

  beforeAll(async () => {
    sys = await startSystem({
      withWorker: false,
      label: 'unstorable',
      env: {
        TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
        SMS_WEBHOOK_SECRETS: `acme:${GENERIC_SECRET}`,
        PUBLIC_BASE_URL: PUBLIC_BASE,
      },
    });
    admin = await sessionOf(sys.baseUrl, sys.database.db, sys.province.departmentUnitId, 'admin');
    const created = await fetch(`${sys.baseUrl}/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        categoryCode: sys.province.categoryCode,
        text: 'Đèn đường hỏng ở ngõ 5 cả tuần nay.',
        citizen: { phone: '0912345678' },
      }),
    });
    const body = (await created.json()) as { trackingCode: string; ownerToken: string };
    ({ trackingCode, ownerToken } = body);
    counts = await countRows();
  });
  afterAll(async () => {
    await sys.close();
  });

  const expectRefused = (status: number, body: unknown, field: string) => {
    expect(status, JSON.stringify(body)).toBe(400);
    const err = body as ErrorBody;
    const problem = err.errors?.find((e) => e.field === field);
    expect(problem, JSON.stringify(err)).toMatchObject({ reason: 'invalid_character' });
    expect(problem?.message.vi.length).toBeGreaterThan(0);
  };

  const json = async (method: string, path: string, body?: unknown, session = false) => {
    if (session) {
      const res = await admin.request(method, path, body);
      return { status: res.status, body: res.body };
    }
    const res = await fetch(sys.baseUrl + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        'x-case-token': ownerToken,
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  };

  it('intake: text, citizen name, an object key, a lone surrogate', async () => {
    const valid = { categoryCode: sys.province.categoryCode, text: 'Rác thải đổ trộm ven sông.' };
    let r = await json('POST', '/v1/cases', { ...valid, text: `Rác thải${NUL} đổ trộm ven sông.` });
    expectRefused(r.status, r.body, 'text');
    r = await json('POST', '/v1/cases', { ...valid, citizen: { name: `Nguyễn${NUL}Văn A` } });
    expectRefused(r.status, r.body, 'citizen.name');
    r = await json('POST', '/v1/cases', { ...valid, [`x${NUL}`]: 1 });
    expect(r.status).toBe(400);
    r = await json(
      'POST',
      '/v1/cases',
      `{"categoryCode":"${sys.province.categoryCode}","text":"Rác thải \\ud800 đổ trộm ven sông."}`,
    );
    expectRefused(r.status, r.body, 'text');
  });

  it('sign-in and TOTP: the login', async () => {
    let r = await json('POST', '/v1/auth/sign-in', {
      login: `nguyen.van.a${NUL}@ubnd.gov.vn`,
      password: 'whatever-password',
    });
    expectRefused(r.status, r.body, 'login');
    r = await json('POST', '/v1/auth/totp/confirm', {
      code: '123456',
      login: `nguyen.van.a${NUL}@ubnd.gov.vn`,
      password: 'whatever-password',
    });
    expectRefused(r.status, r.body, 'login');
  });

  it('citizen follow-up: the tracking code in the path and the text', async () => {
    let r = await json('GET', `/v1/cases/AB%00CD`);
    expectRefused(r.status, r.body, 'trackingCode');
    r = await json('POST', `/v1/cases/${trackingCode}/information`, { text: `Ở ngõ${NUL} 5` });
    expect(r.status).toBe(400);
  });

  it('officials: case routes, merge and transfer codes, q= searches', async () => {
    let r = await json('GET', '/v1/cases/AB%00CD/detail', undefined, true);
    expectRefused(r.status, r.body, 'id');
    r = await json('POST', `/v1/cases/${trackingCode}/merge`, { into: `K7QM${NUL}4RX9` }, true);
    expectRefused(r.status, r.body, 'into');
    r = await json(
      'POST',
      `/v1/cases/${trackingCode}/transfer`,
      { toUnitCode: `so${NUL}`, reason: 'Không đúng thẩm quyền' },
      true,
    );
    expectRefused(r.status, r.body, 'toUnitCode');
    r = await json('POST', `/v1/cases/${trackingCode}/comment`, { text: `a${NUL}b` }, true);
    expectRefused(r.status, r.body, 'text');
    r = await json('GET', '/v1/queues/unit?q=%00', undefined, true);
    expectRefused(r.status, r.body, 'q');
  });

  it('administration: audit filters, an official’s name, an out-of-range cursor', async () => {
    let r = await json('GET', '/v1/admin/audit?entity=unit%00', undefined, true);
    expectRefused(r.status, r.body, 'entity');
    r = await json('GET', '/v1/admin/audit?entityId=%00', undefined, true);
    expectRefused(r.status, r.body, 'entityId');
    r = await json(
      'POST',
      '/v1/admin/officials',
      {
        unitCode: 'triage',
        fullName: `Trần${NUL} Thị B`,
        email: 'tran.thi.b@ubnd.gov.vn',
        roles: ['handler'],
      },
      true,
    );
    expectRefused(r.status, r.body, 'fullName');
    r = await json('GET', '/v1/admin/audit?before=99999999999999999999', undefined, true);
    expect(r.status).toBe(400);
    expect((r.body as ErrorBody).errors?.[0]).toMatchObject({
      field: 'before',
      reason: 'out_of_range',
    });
  });

  it('SMS webhooks, signed: Twilio and a generic gateway', async () => {
    const twilio = await postTwilio(sys.baseUrl, sms('+84912345678', '+842393999000', `Đèn${NUL}`));
    expectRefused(twilio.status, JSON.parse(twilio.text), 'Body');
    const generic = await postGeneric(sys.baseUrl, 'acme', {
      id: 'm-1',
      from: '+84912345678',
      to: `+84239${NUL}3999000`,
      text: 'Đèn đường hỏng',
    });
    expectRefused(generic.status, generic.body, 'to');
  });

  it('Open311: a 400 in the GeoReport shape naming the field', async () => {
    const res = await fetch(`${sys.baseUrl}/open311/v2/requests.json`, {
      method: 'POST',
      body: new URLSearchParams({
        api_key: 'whatever',
        service_code: sys.province.categoryCode,
        address_string: `Ngõ 5${NUL}`,
        description: 'Ổ gà lớn trên đường Trần Phú',
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('address_string');
  });

  it('the citizen portal’s form: the page again, with the field’s message', async () => {
    const res = await fetch(`${sys.baseUrl}/gui-phan-anh`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        categoryCode: sys.province.categoryCode,
        text: `Công trình xây dựng${NUL} gây ồn ban đêm.`,
        contact: 'named',
        name: `Nguyễn${NUL} Văn A`,
      }).toString(),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('NUL');
  });

  it('wrote nothing for any of them', async () => {
    expect(await countRows()).toEqual(counts);
  });
});

import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { bearerFor } from '../support/officials.js';
import { getJson, postJson, startSystem, type TestSystem } from '../support/system.js';
import {
  addTriageOfficials,
  caseAt,
  latestOtp,
  post,
  type Officials,
} from './follow-up-support.js';

const DAY = 24 * 60 * 60 * 1000;

describe('citizen follow-up: proof of ownership, the citizen’s actions, publication', () => {
  let sys: TestSystem;
  let officials: Officials;
  beforeAll(async () => {
    sys = await startSystem({ label: 'followup', withWorker: false });
    officials = await addTriageOfficials(sys);
  });
  afterAll(async () => {
    await sys.close();
  });

  const stored = async (code: string) => {
    const [row] = await sys.database.db
      .select()
      .from(tables.cases)
      .where(eq(tables.cases.trackingCode, code.replace('-', '')));
    return row!;
  };

  it('gives the owner token once at submission and stores only its SHA-256', async () => {
    const res = await postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'moi-truong',
      text: 'Khói từ xưởng nhựa gây khó thở ban đêm.',
    });
    expect(res.status).toBe(201);
    const { trackingCode, ownerToken, followUpUrl } = res.body as Record<string, string>;
    expect(trackingCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(ownerToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // No PUBLIC_BASE_URL and PORT=0: the link goes where the API really listens.
    expect(sys.config.hasPublicBaseUrl).toBe(false);
    expect(followUpUrl).toBe(`${sys.baseUrl}/follow-up/${trackingCode}#token=${ownerToken}`);
    const row = await stored(trackingCode!);
    expect(row.ownerTokenHash).toBe(createHash('sha256').update(ownerToken!).digest('hex'));
    const tracking = await getJson(sys.baseUrl, `/v1/cases/${trackingCode}`);
    expect(JSON.stringify(tracking.body)).not.toContain(ownerToken);
  });

  it('refuses to act without proof or with a wrong token (403); the token works', async () => {
    const c = await caseAt(sys, officials, 'received');
    const path = `/v1/cases/${c.trackingCode}/withdraw`;
    const none = await post(sys.baseUrl, path, {});
    expect(none.status).toBe(403);
    expect(none.body.code).toBe('PROOF_REQUIRED');
    const wrong = await post(sys.baseUrl, path, {}, { token: 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('PROOF_INVALID');
    // Another case's token proves nothing about this one.
    const other = await caseAt(sys, officials, 'received');
    expect((await post(sys.baseUrl, path, {}, { token: other.token })).status).toBe(403);

    const ok = await post(sys.baseUrl, path, { reason: 'Đã tự giải quyết' }, { token: c.token });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ trackingCode: c.trackingCode, status: 'withdrawn' });
    const again = await post(sys.baseUrl, path, {}, { token: c.token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ILLEGAL_TRANSITION');
  });

  it('withdraws only before assignment', async () => {
    const c = await caseAt(sys, officials, 'assigned');
    const res = await post(sys.baseUrl, `/v1/cases/${c.trackingCode}/withdraw`, {}, c);
    expect(res.status).toBe(409);
    expect(String(res.body.message)).toMatch(/withdrawn|assigned|status/);
  });

  it('sends a one-time code by SMS (through the notifications outbox) and accepts it', async () => {
    const c = await caseAt(sys, officials, 'awaiting_citizen', { phone: '0912 345 678' });
    const sent = await post(sys.baseUrl, `/v1/cases/${c.trackingCode}/otp`, {});
    expect(sent.status).toBe(202);
    expect(JSON.stringify(sent.body)).not.toMatch(/912|345|678/);
    const code = await latestOtp(sys.database.db, c.caseId);
    expect(code).toMatch(/^\d{6}$/);
    const [sms] = await sys.database.db
      .select()
      .from(tables.notifications)
      .where(eq(tables.notifications.template, 'citizen_otp'));
    expect(sms).toMatchObject({ channel: 'sms', address: '+84912345678', status: 'pending' });
    const [outbox] = await sys.database.db
      .select()
      .from(tables.outbox)
      .where(eq(tables.outbox.jobId, `notify-${sms!.id}`));
    expect(outbox?.queue).toBe('notifications');

    // A body in neither of the two content types the route takes is refused, not half-read.
    const plain = await fetch(`${sys.baseUrl}/v1/cases/${c.trackingCode}/information`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-case-otp': code! },
      body: JSON.stringify({ text: 'Km 3' }),
    });
    expect(plain.status).toBe(415);
    const info = await post(
      sys.baseUrl,
      `/v1/cases/${c.trackingCode}/information`,
      { text: 'Km 3, cạnh cầu Đá.' },
      { otp: code! },
    );
    expect(info.status).toBe(200);
    expect(info.body.status).toBe('in_progress');
    // Only while the case awaits the citizen.
    const late = await post(
      sys.baseUrl,
      `/v1/cases/${c.trackingCode}/information`,
      { text: 'Thêm nữa.' },
      { otp: code! },
    );
    expect(late.status).toBe(409);
  });

  it('answers the same for a case without a phone, and sends nothing', async () => {
    const c = await caseAt(sys, officials, 'received');
    const withPhone = await caseAt(sys, officials, 'received', { phone: '0987000111' });
    const a = await post(sys.baseUrl, `/v1/cases/${c.trackingCode}/otp`, {});
    const b = await post(sys.baseUrl, `/v1/cases/${withPhone.trackingCode}/otp`, {});
    expect(a.status).toBe(202);
    expect(a.body).toEqual(b.body);
    expect(await latestOtp(sys.database.db, c.caseId)).toBeNull();
    const none = await post(
      sys.baseUrl,
      `/v1/cases/${c.trackingCode}/withdraw`,
      {},
      { otp: '123456' },
    );
    expect(none.status).toBe(403);
  });

  it('locks the code after five wrong tries, even against the right one', async () => {
    const c = await caseAt(sys, officials, 'received', { phone: '0912000222' });
    await post(sys.baseUrl, `/v1/cases/${c.trackingCode}/otp`, {});
    const code = (await latestOtp(sys.database.db, c.caseId))!;
    const wrong = code === '000000' ? '111111' : '000000';
    const path = `/v1/cases/${c.trackingCode}/withdraw`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await post(sys.baseUrl, path, {}, { otp: wrong })).status);
    expect(statuses).toEqual([403, 403, 403, 403, 429]);
    const locked = await post(sys.baseUrl, path, {}, { otp: code });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('OTP_LOCKED');
    // A new code is not sent while locked, and the lock stays.
    await post(sys.baseUrl, `/v1/cases/${c.trackingCode}/otp`, {});
    expect(await latestOtp(sys.database.db, c.caseId)).toBe(code);
    expect((await post(sys.baseUrl, path, {}, { otp: code })).status).toBe(429);
    // The token still works.
    expect((await post(sys.baseUrl, path, {}, { token: c.token })).status).toBe(200);
  });

  it('rates a resolved case once; not before resolution; 1–5 only', async () => {
    const open = await caseAt(sys, officials, 'assigned');
    const early = await post(
      sys.baseUrl,
      `/v1/cases/${open.trackingCode}/rating`,
      { rating: 4 },
      open,
    );
    expect(early.status).toBe(409);
    const c = await caseAt(sys, officials, 'resolved');
    const path = `/v1/cases/${c.trackingCode}/rating`;
    expect((await post(sys.baseUrl, path, { rating: 6 }, c)).status).toBe(400);
    const ok = await post(sys.baseUrl, path, { rating: 2, comment: 'Chậm' }, c);
    expect(ok.status).toBe(200);
    expect((await stored(c.trackingCode)).satisfaction).toBe(2);
    const twice = await post(sys.baseUrl, path, { rating: 5 }, c);
    expect(twice.status).toBe(409);
    expect(String(twice.body.message)).toContain('already been rated');
  });

  it('reopens within 7 days of resolution when unsatisfied; refuses later or after a good rating', async () => {
    const c = await caseAt(sys, officials, 'resolved', { at: new Date(Date.now() - 2 * DAY) });
    const ok = await post(
      sys.baseUrl,
      `/v1/cases/${c.trackingCode}/reopen`,
      { reason: 'Rác vẫn còn' },
      c,
    );
    expect(ok.status).toBe(200);
    // Back with the handler who answered it.
    expect(ok.body.status).toBe('assigned');

    const old = await caseAt(sys, officials, 'resolved', { at: new Date(Date.now() - 9 * DAY) });
    const late = await post(
      sys.baseUrl,
      `/v1/cases/${old.trackingCode}/reopen`,
      { reason: 'Vẫn còn' },
      old,
    );
    expect(late.status).toBe(409);
    expect(String(late.body.message)).toContain('within 7 days');

    const happy = await caseAt(sys, officials, 'resolved');
    await post(sys.baseUrl, `/v1/cases/${happy.trackingCode}/rating`, { rating: 5 }, happy);
    const satisfied = await post(
      sys.baseUrl,
      `/v1/cases/${happy.trackingCode}/reopen`,
      { reason: 'x' },
      happy,
    );
    expect(satisfied.status).toBe(409);

    const open = await caseAt(sys, officials, 'assigned');
    expect(
      (await post(sys.baseUrl, `/v1/cases/${open.trackingCode}/reopen`, { reason: 'x' }, open))
        .status,
    ).toBe(409);
  });

  it('publishes only consented answered cases an official approved, redacted', async () => {
    const text = 'Đèn đường hỏng. Gọi tôi 0912 345 678 hoặc viết nguyen.van.a@example.com nhé.';
    const shown = await caseAt(sys, officials, 'resolved', {
      text,
      consentToPublish: true,
      phone: '0912345678',
    });
    const unreviewed = await caseAt(sys, officials, 'resolved', {
      text: 'Đồng ý công khai nhưng chưa ai duyệt.',
      consentToPublish: true,
    });
    const secret = await caseAt(sys, officials, 'resolved', {
      text: 'Không đồng ý công khai vụ này.',
    });
    const open = await caseAt(sys, officials, 'assigned', {
      text: 'Chưa xong, có đồng ý.',
      consentToPublish: true,
    });
    const leader = await bearerFor(sys.baseUrl, officials.leader.officialId);
    const approved = await fetch(`${sys.baseUrl}/v1/moderation/cases/${shown.caseId}/approve`, {
      method: 'POST',
      headers: leader,
      body: '{}',
    });
    expect(approved.status).toBe(200);
    const res = await getJson(sys.baseUrl, '/v1/published-cases?pageSize=50');
    expect(res.status).toBe(200);
    const items = res.body.items as Record<string, unknown>[];
    const codes = items.map((i) => i.trackingCode);
    expect(codes).toEqual([shown.trackingCode]);
    expect(codes).not.toContain(unreviewed.trackingCode);
    expect(codes).not.toContain(secret.trackingCode);
    expect(codes).not.toContain(open.trackingCode);
    const item = items.find((i) => i.trackingCode === shown.trackingCode)!;
    expect(item).toMatchObject({
      status: 'resolved',
      category: { code: 'moi-truong' },
      unit: { code: 'triage' },
    });
    expect(item.text).toMatch(/^Đèn đường hỏng\. Gọi tôi .+ hoặc viết .+ nhé\.$/);
    expect(item.resolution).toMatch(/^Đã thu gom\. Liên hệ cán bộ: /);
    expect(JSON.stringify(res.body)).not.toMatch(/0912|345 678|@example|canbo@|0987/);
    expect(Object.keys(item).sort()).toEqual(
      ['category', 'resolution', 'resolvedAt', 'status', 'text', 'trackingCode', 'unit'].sort(),
    );
    const paged = await getJson(sys.baseUrl, '/v1/published-cases?pageSize=1&page=1');
    expect(paged.body).toMatchObject({ page: 1, pageSize: 1 });
    expect((await getJson(sys.baseUrl, '/v1/published-cases?pageSize=500')).status).toBe(400);
  });

  it('links the same text from the same phone within 24 hours to the open case', async () => {
    const body = {
      categoryCode: 'moi-truong',
      text: 'Cống bị tắc trước nhà số 5, nước tràn lên đường.',
      citizen: { phone: '0905 111 222' },
    };
    const first = await postJson(sys.baseUrl, '/v1/cases', body);
    expect(first.status).toBe(201);
    const again = await postJson(sys.baseUrl, '/v1/cases', {
      ...body,
      citizen: { phone: '+84905111222' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      trackingCode: first.body!.trackingCode,
      duplicateOf: first.body!.trackingCode,
      linked: true,
    });
    expect(again.body).not.toHaveProperty('ownerToken');
    const otherPhone = await postJson(sys.baseUrl, '/v1/cases', {
      ...body,
      citizen: { phone: '0905111333' },
    });
    expect(otherPhone.status).toBe(201);
    const noPhone = await postJson(sys.baseUrl, '/v1/cases', { ...body, citizen: undefined });
    expect(noPhone.status).toBe(201);
    const [n] = await sys.database.raw<{ n: number }[]>`
      select count(*)::int as n from cases where text = ${body.text}`;
    expect(n!.n).toBe(3);
  });
});

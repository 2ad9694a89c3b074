import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { bearerFor } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import {
  addTriageOfficials,
  caseAt,
  latestOtp,
  type Officials,
} from '../follow-up/follow-up-support.js';
import {
  CookieJar,
  fieldError,
  getPage,
  postForm,
  submitAndFollow,
  textOf,
} from './portal-support.js';

describe('citizen portal: follow-up actions and the SMS-code flow (no JavaScript)', () => {
  let sys: TestSystem;
  let officials: Officials;
  beforeAll(async () => {
    sys = await startSystem({ label: 'portal-follow-up', withWorker: false });
    officials = await addTriageOfficials(sys);
  });
  afterAll(async () => {
    await sys?.close();
  });

  const statusOf = async (code: string) => {
    const [row] = await sys.database.db
      .select({ status: tables.cases.status, satisfaction: tables.cases.satisfaction })
      .from(tables.cases)
      .where(eq(tables.cases.trackingCode, code.replace('-', '')));
    return row!;
  };
  /** A browser that holds the case's owner cookie, as after submitting from it. */
  const ownerJar = (code: string, token: string) => {
    const jar = new CookieJar();
    jar.set('hl_owner', token, `/tra-cuu/${code}`);
    return jar;
  };

  it('the tracking page: status, category, unit, deadline in Vietnam time, timeline; the question to its owner', async () => {
    const c = await caseAt(sys, officials, 'awaiting_citizen', {
      at: new Date('2027-03-01T02:00:00Z'),
    });
    const page = await getPage(sys.baseUrl, `/tra-cuu/${c.trackingCode}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('Chờ bạn bổ sung thông tin');
    expect(text).toContain('Môi trường');
    expect(text).toContain('Trung tâm tiếp nhận');
    expect(text).toContain('Tạm dừng, chờ bạn bổ sung thông tin');
    // Anyone may know a code: an official's words are for the case's owner (or once published).
    expect(text).not.toContain('Xin cho biết vị trí chính xác?');
    // Received 09:00 in Hà Nội (02:00 UTC): shown in the province's time.
    expect(text).toContain('09:00 01/03/2027');
    expect(text).toContain('Đã chuyển đến đơn vị xử lý: Trung tâm tiếp nhận');
    // Without proof, the page offers the SMS code, not the forms.
    expect(page.html).toContain(`action="/tra-cuu/${c.trackingCode}/gui-ma"`);
    expect(page.html).not.toContain(`action="/tra-cuu/${c.trackingCode}/bo-sung"`);
    const withToken = await getPage(
      sys.baseUrl,
      `/tra-cuu/${c.trackingCode}`,
      ownerJar(c.trackingCode, c.token),
    );
    expect(withToken.html).toContain(`action="/tra-cuu/${c.trackingCode}/bo-sung"`);
    expect(textOf(withToken.html)).toContain('Xin cho biết vị trí chính xác?');
  });

  it('adds requested information with the owner cookie; the clock resumes', async () => {
    const c = await caseAt(sys, officials, 'awaiting_citizen');
    const jar = ownerJar(c.trackingCode, c.token);
    const path = `/tra-cuu/${c.trackingCode}/bo-sung`;
    const empty = await postForm(sys.baseUrl, path, { text: '  ' }, jar);
    expect(empty.status).toBe(400);
    expect(fieldError(empty.html, 'info')).toBe('Hãy nhập nội dung.');
    const { post, page } = await submitAndFollow(
      sys.baseUrl,
      path,
      { text: 'Ngay cổng trường tiểu học, thôn 3.' },
      jar,
    );
    expect(post.status).toBe(303);
    expect(post.location).toBe(`/tra-cuu/${c.trackingCode}?tb=bo-sung`);
    expect(textOf(page.html)).toContain('Đã gửi thông tin bổ sung');
    expect((await statusOf(c.trackingCode)).status).toBe('in_progress');
    // Once answered, the form is gone and a second answer is refused with the reason.
    const again = await postForm(sys.baseUrl, path, { text: 'Lần nữa' }, jar);
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain('Thao tác này không còn thực hiện được');
  });

  it('the owner sees the information they added on the timeline; someone with only the code does not', async () => {
    const c = await caseAt(sys, officials, 'awaiting_citizen', { phone: '0912 345 602' });
    const base = `/tra-cuu/${c.trackingCode}`;
    const info = 'Nhà bà Nguyễn Thị Hoa, số 12 ngõ 5, gọi 0912 000 111.';
    const added = await postForm(
      sys.baseUrl,
      `${base}/bo-sung`,
      { text: info },
      ownerJar(c.trackingCode, c.token),
    );
    expect(added.status).toBe(303);
    const timelineOf = (html: string) =>
      textOf(/<ol class="timeline">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '');

    const owner = await getPage(sys.baseUrl, base, ownerJar(c.trackingCode, c.token));
    expect(timelineOf(owner.html)).toContain(
      `Người dân đã bổ sung thông tin Nội dung bạn đã bổ sung: ${info}`,
    );

    // Anyone who only knows the code: that information was added, never what it says.
    const stranger = await getPage(sys.baseUrl, base);
    expect(timelineOf(stranger.html)).toContain('Người dân đã bổ sung thông tin');
    expect(stranger.html).not.toContain('Nguyễn Thị Hoa');
    expect(stranger.html).not.toContain('0912 000 111');
    // A cookie that is not the case's token proves nothing (and is cleared).
    const other = await caseAt(sys, officials, 'received');
    const forged = await getPage(sys.baseUrl, base, ownerJar(c.trackingCode, other.token));
    expect(forged.html).not.toContain('Nguyễn Thị Hoa');
    expect(forged.headers.getSetCookie().join()).toMatch(/hl_owner=;/);
    // Nor does a made-up one-time code in the code's cookie.
    const guess = new CookieJar();
    guess.set('hl_otp', '123456', base);
    expect((await getPage(sys.baseUrl, base, guess)).html).not.toContain('Nguyễn Thị Hoa');

    // The owner on another device, after the SMS code: they see it.
    const device = new CookieJar();
    await postForm(sys.baseUrl, `${base}/gui-ma`, {}, device);
    const otp = await latestOtp(sys.database.db, c.caseId);
    const proven = await submitAndFollow(sys.baseUrl, `${base}/xac-nhan`, { otp: otp! }, device);
    expect(proven.post.status).toBe(303);
    expect(timelineOf(proven.page.html)).toContain(info);
  });

  it('the rating comment: on the owner’s timeline only', async () => {
    const c = await caseAt(sys, officials, 'resolved');
    const comment = 'Cán bộ Trần Văn Bình xử lý rất nhanh.';
    const base = `/tra-cuu/${c.trackingCode}`;
    const rated = await postForm(
      sys.baseUrl,
      `${base}/danh-gia`,
      { rating: '4', comment },
      ownerJar(c.trackingCode, c.token),
    );
    expect(rated.status).toBe(303);
    const owner = await getPage(sys.baseUrl, base, ownerJar(c.trackingCode, c.token));
    expect(textOf(owner.html)).toContain('Bạn đã đánh giá 4/5.');
    expect(textOf(owner.html)).toContain(`Người dân đã đánh giá Nhận xét của bạn: ${comment}`);
    const stranger = await getPage(sys.baseUrl, base);
    expect(textOf(stranger.html)).toContain('Bạn đã đánh giá 4/5.');
    expect(stranger.html).not.toContain('Trần Văn Bình');
  });

  it('rates a resolved case 1–5 with a comment, once', async () => {
    const c = await caseAt(sys, officials, 'resolved');
    const jar = ownerJar(c.trackingCode, c.token);
    const page = await getPage(sys.baseUrl, `/tra-cuu/${c.trackingCode}`, jar);
    expect(textOf(page.html)).toContain('Kết quả giải quyết');
    // The answer, with contacts taken out.
    expect(textOf(page.html)).toContain(
      'Đã thu gom. Liên hệ cán bộ: [số điện thoại đã ẩn] hoặc [địa chỉ thư đã ẩn].',
    );
    const path = `/tra-cuu/${c.trackingCode}/danh-gia`;
    const missing = await postForm(sys.baseUrl, path, { comment: 'Tốt' }, jar);
    expect(missing.status).toBe(400);
    expect(fieldError(missing.html, 'rating')).toMatch(/mức độ hài lòng/);
    expect(missing.html).toContain('>Tốt</textarea>');
    const ok = await postForm(sys.baseUrl, path, { rating: '5', comment: 'Xử lý nhanh' }, jar);
    expect(ok.status).toBe(303);
    expect(ok.location).toBe(`/tra-cuu/${c.trackingCode}?tb=danh-gia`);
    expect((await statusOf(c.trackingCode)).satisfaction).toBe(5);
    const after = await getPage(sys.baseUrl, `/tra-cuu/${c.trackingCode}`, jar);
    expect(textOf(after.html)).toContain('Bạn đã đánh giá 5/5.');
    expect(after.html).not.toContain(`action="${path}"`);
  });

  it('reopens a resolved case within seven days, with a reason', async () => {
    const c = await caseAt(sys, officials, 'resolved');
    const jar = ownerJar(c.trackingCode, c.token);
    const path = `/tra-cuu/${c.trackingCode}/mo-lai`;
    const page = await getPage(sys.baseUrl, `/tra-cuu/${c.trackingCode}`, jar);
    expect(textOf(page.html)).toMatch(/Bạn có thể mở lại đến \d\d:\d\d \d\d\/\d\d\/\d{4}/);
    const noReason = await postForm(sys.baseUrl, path, { reason: '' }, jar);
    expect(noReason.status).toBe(400);
    expect(fieldError(noReason.html, 'reopen')).toBe('Hãy cho biết lý do.');
    const ok = await postForm(sys.baseUrl, path, { reason: 'Rác vẫn còn nguyên.' }, jar);
    expect(ok.status).toBe(303);
    // Reopened, and given back to the official who handled it.
    expect((await statusOf(c.trackingCode)).status).toBe('assigned');
  });

  it('withdraws before assignment; an assigned case offers no withdrawal', async () => {
    const c = await caseAt(sys, officials, 'received');
    const jar = ownerJar(c.trackingCode, c.token);
    const ok = await postForm(sys.baseUrl, `/tra-cuu/${c.trackingCode}/rut`, { reason: '' }, jar);
    expect(ok.status).toBe(303);
    expect(ok.location).toBe(`/tra-cuu/${c.trackingCode}?tb=rut`);
    expect((await statusOf(c.trackingCode)).status).toBe('withdrawn');
    const assigned = await caseAt(sys, officials, 'assigned');
    const page = await getPage(
      sys.baseUrl,
      `/tra-cuu/${assigned.trackingCode}`,
      ownerJar(assigned.trackingCode, assigned.token),
    );
    expect(page.html).not.toContain('/rut"');
    expect(textOf(page.html)).toContain('Hiện chưa có thao tác nào cần bạn thực hiện');
  });

  it('refuses an action without proof (403) or with a stale token (the cookie is cleared)', async () => {
    const c = await caseAt(sys, officials, 'received');
    const path = `/tra-cuu/${c.trackingCode}/rut`;
    const none = await postForm(sys.baseUrl, path, {});
    expect(none.status).toBe(403);
    expect(fieldError(none.html, 'proof')).toMatch(/xác nhận bạn là người gửi/);
    const other = await caseAt(sys, officials, 'received');
    const jar = ownerJar(c.trackingCode, other.token);
    const stale = await postForm(sys.baseUrl, path, {}, jar);
    expect(stale.status).toBe(403);
    expect(stale.headers.getSetCookie().join()).toMatch(/hl_owner=;/);
    expect(stale.html).toContain(`action="/tra-cuu/${c.trackingCode}/gui-ma"`);
    expect((await statusOf(c.trackingCode)).status).toBe('received');
  });

  it('from another device: ask for a code by SMS, enter it, then act', async () => {
    const c = await caseAt(sys, officials, 'received', { phone: '0912 345 679' });
    const jar = new CookieJar();
    const base = `/tra-cuu/${c.trackingCode}`;
    const asked = await submitAndFollow(sys.baseUrl, `${base}/gui-ma`, {}, jar);
    expect(asked.post.status).toBe(303);
    expect(asked.post.location).toBe(`${base}?tb=gui-ma`);
    expect(textOf(asked.page.html)).toContain('mã xác nhận đã được gửi');
    expect(asked.page.html).toMatch(
      /<input id="f-otp" name="otp"[^>]*autocomplete="one-time-code"/,
    );
    const code = await latestOtp(sys.database.db, c.caseId);
    expect(code).toMatch(/^\d{6}$/);

    const malformed = await postForm(sys.baseUrl, `${base}/xac-nhan`, { otp: '12' }, jar);
    expect(malformed.status).toBe(400);
    expect(fieldError(malformed.html, 'otp')).toBe('Hãy nhập mã xác nhận gồm 6 chữ số.');
    const wrongCode = code === '000000' ? '111111' : '000000';
    const wrong = await postForm(sys.baseUrl, `${base}/xac-nhan`, { otp: wrongCode }, jar);
    expect(wrong.status).toBe(403);
    expect(fieldError(wrong.html, 'otp')).toBe('Mã xác nhận không đúng. Bạn còn 4 lần thử.');

    const right = await submitAndFollow(sys.baseUrl, `${base}/xac-nhan`, { otp: code! }, jar);
    expect(right.post.status).toBe(303);
    const cookie = right.post.headers.getSetCookie().find((x) => x.startsWith('hl_otp='));
    expect(cookie).toMatch(new RegExp(`Path=${base}`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(textOf(right.page.html)).toContain('Đã xác nhận');
    expect(right.page.html).toContain(`action="${base}/rut"`);

    const withdrawn = await postForm(sys.baseUrl, `${base}/rut`, { reason: 'Đã xong' }, jar);
    expect(withdrawn.status).toBe(303);
    expect((await statusOf(c.trackingCode)).status).toBe('withdrawn');
  });

  it('limits codes per case, like the API', async () => {
    const c = await caseAt(sys, officials, 'received', { phone: '0912 345 670' });
    const path = `/tra-cuu/${c.trackingCode}/gui-ma`;
    const statuses = [];
    for (let i = 0; i <= sys.config.rateLimit.otpSends; i++) {
      statuses.push((await postForm(sys.baseUrl, path, {})).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 303)).toBe(true);
  });

  it('the private follow-up link of the API lands on the tracking page, and its token is accepted', async () => {
    const c = await caseAt(sys, officials, 'received');
    const hop = await getPage(sys.baseUrl, `/follow-up/${c.trackingCode}`);
    expect(hop.status).toBe(302);
    expect(hop.location).toBe(`/tra-cuu/${c.trackingCode}`);
    const jar = new CookieJar();
    const linked = await postForm(
      sys.baseUrl,
      `/tra-cuu/${c.trackingCode}/lien-ket`,
      { token: c.token },
      jar,
    );
    expect(linked.status).toBe(303);
    expect(linked.headers.getSetCookie().join()).toMatch(/hl_owner=/);
    const page = await getPage(sys.baseUrl, `/tra-cuu/${c.trackingCode}`, jar);
    expect(page.html).toContain(`action="/tra-cuu/${c.trackingCode}/rut"`);
  });

  it('the published list: consented, answered cases an official approved, redacted', async () => {
    const text = `Đèn đường hỏng cả tháng, gọi 0987 111 222 không ai nghe ${Date.now()}.`;
    const approved = await caseAt(sys, officials, 'resolved', { consentToPublish: true, text });
    const unreviewed = `Đồng ý công khai nhưng chưa duyệt ${Date.now()}.`;
    await caseAt(sys, officials, 'resolved', { consentToPublish: true, text: unreviewed });
    await caseAt(sys, officials, 'resolved', { text: 'Không đồng ý công khai nội dung này.' });
    const res = await fetch(`${sys.baseUrl}/v1/moderation/cases/${approved.caseId}/approve`, {
      method: 'POST',
      headers: await bearerFor(sys.baseUrl, officials.leader.officialId),
      body: '{}',
    });
    expect(res.status).toBe(200);
    const page = await getPage(sys.baseUrl, '/cong-khai');
    expect(page.status).toBe(200);
    const shown = textOf(page.html);
    expect(shown).toContain('Đèn đường hỏng cả tháng, gọi');
    expect(shown).toContain('Đã thu gom. Liên hệ cán bộ:');
    expect(shown).not.toContain('Không đồng ý công khai');
    expect(shown).not.toContain(unreviewed);
    expect(page.html).not.toMatch(/0987 111 222|0987 654 321|canbo@xa/);
    // Its tracking page shows the approved answer to anyone; an unpublished one shows none.
    const tracking = textOf((await getPage(sys.baseUrl, `/tra-cuu/${approved.trackingCode}`)).html);
    expect(tracking).toContain('Đã thu gom. Liên hệ cán bộ:');
    const other = await caseAt(sys, officials, 'resolved');
    const hidden = textOf((await getPage(sys.baseUrl, `/tra-cuu/${other.trackingCode}`)).html);
    expect(hidden).not.toContain('Đã thu gom');
    const en = await getPage(sys.baseUrl, '/cong-khai?lang=en');
    expect(textOf(en.html)).toContain('Published answers');
  });

  it('the tracking page in English', async () => {
    const c = await caseAt(sys, officials, 'resolved');
    const jar = ownerJar(c.trackingCode, c.token);
    jar.set('hl_lang', 'en');
    const page = await getPage(sys.baseUrl, `/tra-cuu/${c.trackingCode}`, jar);
    expect(page.html).toMatch(/<html lang="en">/);
    const text = textOf(page.html);
    expect(text).toContain('Answered');
    expect(text).toContain('Rate the answer');
    expect(text).toContain('Not satisfied? Reopen it');
    expect(text).toContain('Sent for handling to Trung tâm tiếp nhận');
  });
});

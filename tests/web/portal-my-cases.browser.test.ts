import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitCase } from '@hotline/core';
import { tables } from '@hotline/db';
import { formatTrackingCode } from '@hotline/domain';
import { sealPhoneProof } from '../../services/web/src/portal/phone-proof-cookie.js';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { CookieJar, fieldError, getPage, postForm, textOf } from './portal-support.js';

const PHONE_A = '0912 345 701';
const E164_A = '+84912345701';
const PHONE_B = '0912 345 702';
const PHONE_C = '0912 345 703';

/**
 * "Phản ánh của tôi": a citizen proves a phone number by an SMS code and sees every case filed
 * from it, and nothing of another number's, through a short-lived sealed cookie.
 */
describe('portal: my cases, after proving a phone number by SMS code', () => {
  let sys: TestSystem;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const codes: Record<'feedbackA' | 'denunciationA' | 'otherB' | 'caseC', string> = {
    feedbackA: '',
    denunciationA: '',
    otherB: '',
    caseC: '',
  };

  const file = async (phone: string, text: string, type?: 'denunciation') => {
    const submitted = await submitCase(
      { sql: sys.database.raw, randomBytes },
      {
        body: {
          categoryCode: 'moi-truong',
          text,
          citizen: { phone, ...(type ? { name: 'Nguyễn Văn Tố' } : {}) },
          ...(type ? { type } : {}),
        },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      new Date(),
    );
    return submitted.trackingCode;
  };

  beforeAll(async () => {
    sys = await startSystem({
      listen: true,
      label: 'portal-my-cases',
      withWorker: false,
      env: { COOKIE_SECURE: 'false', OTP_SEND_LIMIT: '3' },
    });
    browser = await launchBrowser();
    codes.feedbackA = await file(PHONE_A, 'Rác thải đổ trộm ven sông Nghèn, đề nghị xử lý.');
    codes.denunciationA = await file(
      PHONE_A,
      'Tố cáo cán bộ địa chính xã nhận tiền để hợp thức hóa đất lấn chiếm.',
      'denunciation',
    );
    codes.otherB = await file(PHONE_B, 'Đèn đường hỏng cả tháng ở tổ dân phố 4.');
    codes.caseC = await file(PHONE_C, 'Nước thải chảy tràn ra đường liên xã.');
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await sys?.close();
  });

  /** The codes texted to a phone for its cases list (caseless SMS), newest first. */
  const codesSentTo = async (e164: string) => {
    const rows = await sys.database.db
      .select({ body: tables.notifications.body, createdAt: tables.notifications.createdAt })
      .from(tables.notifications)
      .where(
        and(
          eq(tables.notifications.address, e164),
          eq(tables.notifications.template, 'citizen_otp'),
          isNull(tables.notifications.caseId),
        ),
      );
    return rows
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((r) => r.body.match(/: (\d{6})\./)?.[1] ?? '');
  };
  const listed = (html: string) =>
    [...html.matchAll(/href="\/tra-cuu\/([2-9A-Z]{4}-[2-9A-Z]{4})"/g)].map((m) => m[1]).sort();

  it('asks for a code, refuses a wrong one, then lists exactly that phone’s cases (a denunciation too)', async () => {
    const jar = new CookieJar();
    const start = await getPage(sys.baseUrl, '/phan-anh-cua-toi', jar);
    expect(start.status).toBe(200);
    expect(start.html).toContain('action="/phan-anh-cua-toi/gui-ma"');

    const invalid = await postForm(sys.baseUrl, '/phan-anh-cua-toi/gui-ma', { phone: '12ab' }, jar);
    expect(invalid.status).toBe(400);
    expect(fieldError(invalid.html, 'phone')).toMatch(/^Số điện thoại không hợp lệ/);

    const asked = await postForm(sys.baseUrl, '/phan-anh-cua-toi/gui-ma', { phone: PHONE_A }, jar);
    expect(asked.status).toBe(200);
    expect(asked.location).toBeNull();
    expect(textOf(asked.html)).toContain('mã xác nhận gồm 6 chữ số đã được gửi');
    const [otp] = await codesSentTo(E164_A);
    expect(otp).toMatch(/^\d{6}$/);

    const wrongCode = otp === '000000' ? '111111' : '000000';
    const wrong = await postForm(
      sys.baseUrl,
      '/phan-anh-cua-toi/xac-nhan',
      { phone: PHONE_A, otp: wrongCode },
      jar,
    );
    expect(wrong.status).toBe(403);
    expect(fieldError(wrong.html, 'otp')).toBe('Mã xác nhận không đúng. Bạn còn 4 lần thử.');

    const proved = await postForm(
      sys.baseUrl,
      '/phan-anh-cua-toi/xac-nhan',
      { phone: PHONE_A, otp: otp! },
      jar,
    );
    expect(proved.status).toBe(303);
    expect(proved.location).toBe('/phan-anh-cua-toi');
    const [cookie] = proved.headers.getSetCookie();
    expect(cookie).toMatch(/^hl_phone=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/phan-anh-cua-toi/);
    expect(cookie).toMatch(/Max-Age=1800/);
    expect(cookie).not.toMatch(/Secure/i); // COOKIE_SECURE=false here; production sets it
    expect(cookie).not.toContain('912345701');

    const list = await getPage(sys.baseUrl, '/phan-anh-cua-toi', jar);
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(listed(list.html)).toEqual(
      [formatTrackingCode(codes.feedbackA), formatTrackingCode(codes.denunciationA)].sort(),
    );
    const text = textOf(list.html);
    expect(text).toContain('Có 2 phản ánh được gửi từ số điện thoại bạn đã xác nhận');
    expect(text).toContain('Tố cáo');
    expect(text).toContain('Môi trường');
    expect(text).toContain('Đã tiếp nhận');
    expect(list.html).not.toContain(formatTrackingCode(codes.otherB));
    // The number is nowhere on the page or in its address.
    expect(list.html).not.toMatch(/912\s?345\s?70/);

    // Leaving forgets the proof.
    const left = await postForm(sys.baseUrl, '/phan-anh-cua-toi/thoat', {}, jar);
    expect(left.status).toBe(303);
    const after = await getPage(sys.baseUrl, '/phan-anh-cua-toi', jar);
    expect(listed(after.html)).toEqual([]);
    expect(after.html).toContain('action="/phan-anh-cua-toi/gui-ma"');
  });

  it('an expired or forged cookie shows nothing and asks again', async () => {
    const secret = sys.config.sessionSecret;
    const expired = new CookieJar();
    expired.set(
      'hl_phone',
      sealPhoneProof(secret, E164_A, new Date('2020-01-01')),
      '/phan-anh-cua-toi',
    );
    const page = await getPage(sys.baseUrl, '/phan-anh-cua-toi', expired);
    expect(listed(page.html)).toEqual([]);
    expect(fieldError(page.html, 'phone')).toBe(
      'Phiên xem phản ánh đã hết hạn. Hãy xác nhận lại số điện thoại.',
    );
    expect(page.headers.getSetCookie().join()).toMatch(/hl_phone=;/);

    // A live seal made with another key (anyone's own "proof") opens nothing.
    const forged = new CookieJar();
    const far = new Date(Date.now() + 3_600_000);
    forged.set('hl_phone', sealPhoneProof('not-the-secret', E164_A, far), '/phan-anh-cua-toi');
    expect(listed((await getPage(sys.baseUrl, '/phan-anh-cua-toi', forged)).html)).toEqual([]);

    // The same seal with the right key is the proof (so the two above failed for their reason).
    const good = new CookieJar();
    good.set('hl_phone', sealPhoneProof(secret, E164_A, far), '/phan-anh-cua-toi');
    expect(listed((await getPage(sys.baseUrl, '/phan-anh-cua-toi', good)).html)).toHaveLength(2);
  });

  it('limits the codes sent to one phone; a phone without cases is answered alike and sent nothing', async () => {
    for (let i = 0; i < 3; i++) {
      const ok = await postForm(sys.baseUrl, '/phan-anh-cua-toi/gui-ma', { phone: PHONE_C });
      expect(ok.status).toBe(200);
    }
    const limited = await postForm(sys.baseUrl, '/phan-anh-cua-toi/gui-ma', { phone: PHONE_C });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(fieldError(limited.html, 'phone')).toMatch(
      /^Đã gửi quá nhiều mã tới số điện thoại này\. Vui lòng thử lại sau \d+ phút\.$/,
    );
    expect(await codesSentTo('+84912345703')).toHaveLength(3);

    const nobody = await postForm(sys.baseUrl, '/phan-anh-cua-toi/gui-ma', {
      phone: '0912 345 799',
    });
    expect(nobody.status).toBe(200);
    expect(textOf(nobody.html)).toContain('mã xác nhận gồm 6 chữ số đã được gửi');
    expect(await codesSentTo('+84912345799')).toHaveLength(0);
  });

  it('is linked from the home and tracking pages, and speaks English', async () => {
    const home = await getPage(sys.baseUrl, '/');
    expect(home.html).toContain('href="/phan-anh-cua-toi"');
    const tracking = await getPage(sys.baseUrl, `/tra-cuu/${formatTrackingCode(codes.otherB)}`);
    expect(tracking.html).toContain('href="/phan-anh-cua-toi"');
    const en = await getPage(sys.baseUrl, '/phan-anh-cua-toi?lang=en');
    expect(textOf(en.html)).toContain('My feedback');
    expect(textOf(en.html)).toContain('Send a confirmation code');
  });

  it('in a browser, on a phone and a desktop: from the home page to the list', async () => {
    for (const viewport of ['mobile', 'desktop'] as const) {
      const context = await newContext(browser, { viewport });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(sys.baseUrl);
      await page.getByRole('link', { name: 'Xem tất cả phản ánh tôi đã gửi' }).click();
      await page.getByLabel('Số điện thoại bạn đã dùng khi gửi phản ánh').fill(PHONE_A);
      await screenshot(page, `portal-my-cases-phone-${viewport}`);
      await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
      await page.getByLabel('Mã xác nhận (6 chữ số)').waitFor();
      const [otp] = await codesSentTo(E164_A);
      await page.getByLabel('Mã xác nhận (6 chữ số)').fill(otp!);
      await screenshot(page, `portal-my-cases-code-${viewport}`);
      await page.getByRole('button', { name: 'Xem phản ánh của tôi' }).click();
      await page.getByText('Có 2 phản ánh được gửi').waitFor();
      expect(page.url()).toBe(`${sys.baseUrl}/phan-anh-cua-toi`);
      await screenshot(page, `portal-my-cases-list-${viewport}`);
      await page.getByRole('link', { name: formatTrackingCode(codes.feedbackA) }).click();
      await page
        .getByRole('heading', { name: `Phản ánh ${formatTrackingCode(codes.feedbackA)}` })
        .waitFor();
    }
  }, 90_000);
});

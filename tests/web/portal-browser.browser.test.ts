import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { addTriageOfficials, caseAt, type Officials } from '../follow-up/follow-up-support.js';
import { addCommune, imageSize, pngOf } from './portal-support.js';

describe('citizen portal in a browser (mobile first)', () => {
  let sys: TestSystem;
  let browser: Browser;
  let officials: Officials;

  beforeAll(async () => {
    sys = await startSystem({
      listen: true,
      label: 'portal-browser',
      withWorker: false,
      env: { COOKIE_SECURE: 'false' },
    });
    officials = await addTriageOfficials(sys);
    const [district] = await sys.database.db
      .select({ id: tables.adminUnits.id })
      .from(tables.adminUnits)
      .where(eq(tables.adminUnits.code, 'huyen-a'));
    await addCommune(sys.database.db, 'xa-duc-tho', 'UBND xã Đức Thọ', district!.id);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  const attachmentsOf = async (code: string) => {
    const [row] = await sys.database.db
      .select({ id: tables.cases.id })
      .from(tables.cases)
      .where(eq(tables.cases.trackingCode, code.replace('-', '')));
    return sys.database.db
      .select()
      .from(tables.attachments)
      .where(eq(tables.attachments.caseId, row!.id));
  };
  const codeOnPage = async (page: Page) =>
    (await page.locator('[data-code]').textContent())!.trim();

  it('with JavaScript: searchable commune without diacritics, a photo resized to 1600 px', async () => {
    const context = await newContext(browser, { viewport: 'mobile' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sys.baseUrl });
    const page = await context.newPage();
    await page.goto(`${sys.baseUrl}/gui-phan-anh`);
    await page.getByLabel('Môi trường').check();
    await page
      .getByRole('textbox', { name: /^Nội dung phản ánh/ })
      .fill('Khói từ lò đốt rác gây khó thở mỗi tối.');
    await page.getByLabel('Tìm xã, phường').fill('duc tho');
    await expect.poll(() => page.locator('#f-communeCode').inputValue()).toBe('xa-duc-tho');
    await expect.poll(() => page.locator('#s-commune-filter').textContent()).toContain('1 xã');
    await page.getByLabel('Địa chỉ cụ thể').fill('Gần chợ');
    await page.locator('#f-photos').setInputFiles({
      name: 'hien-truong.png',
      mimeType: 'image/png',
      buffer: pngOf(3000, 2000),
    });
    await page.getByLabel('Số điện thoại di động').fill('0912 345 111');
    await page.getByLabel(/Tôi đồng ý công khai/).check();
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.waitForURL(/\/tra-cuu\/[2-9A-Z]{4}-[2-9A-Z]{4}\?tb=da-gui-sms$/);
    await page.getByText('Mã tra cứu đã được gửi tới số điện thoại của bạn qua SMS').waitFor();
    const code = await codeOnPage(page);
    const copy = page.getByRole('button', { name: 'Sao chép đường dẫn' });
    await copy.click();
    await page.getByText('Đã sao chép đường dẫn.').waitFor();
    await screenshot(page, 'portal-tracking-new-mobile');

    const [file] = await attachmentsOf(code);
    expect(file!.contentType).toBe('image/jpeg');
    expect(file!.fileName).toBe('hien-truong.jpg');
    const bytes = await readFile(join(sys.config.attachments.dir, file!.storageKey!));
    const size = imageSize(bytes)!;
    expect(size.width).toBeLessThanOrEqual(1600);
    expect(size).toEqual({ width: 1600, height: 1067 });
    await context.close();
  }, 60_000);

  it('without JavaScript: the plain form works, photo and all', async () => {
    const context = await newContext(browser, { viewport: 'mobile', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${sys.baseUrl}/gui-phan-anh`);
    expect(await page.locator('#f-commune-filter').count()).toBe(0);
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.getByRole('heading', { name: 'Vui lòng kiểm tra lại' }).waitFor();
    await screenshot(page, 'portal-submit-errors-mobile');
    await page.getByLabel('Xây dựng').check();
    await page
      .getByRole('textbox', { name: /^Nội dung phản ánh/ })
      .fill('Xây nhà lấn chiếm hành lang giao thông.');
    await page.getByLabel('Xã, phường nơi xảy ra sự việc').selectOption('xa-a1');
    await page.locator('#f-photos').setInputFiles({
      name: 'nho.png',
      mimeType: 'image/png',
      buffer: pngOf(200, 100),
    });
    await page.getByLabel('Tôi muốn gửi ẩn danh').check();
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.waitForURL(/\/tra-cuu\/[2-9A-Z]{4}-[2-9A-Z]{4}\?tb=da-gui$/);
    await page.getByRole('heading', { name: 'Đã gửi phản ánh thành công' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sao chép đường dẫn' }).count()).toBe(0);
    const code = await codeOnPage(page);
    const files = await attachmentsOf(code);
    expect(files.map((f) => [f.fileName, f.contentType])).toEqual([['nho.png', 'image/png']]);
    // The owner cookie works in the browser: the withdraw form is offered.
    await page.getByText('Tôi muốn rút phản ánh này').click();
    await page.getByRole('button', { name: 'Rút phản ánh' }).click();
    await page.getByText('Đã rút phản ánh.').waitFor();
    await context.close();
  }, 60_000);

  it('the API’s private link (#token=…) proves ownership in this browser, then leaves the address', async () => {
    const c = await caseAt(sys, officials, 'received');
    const context = await newContext(browser, { viewport: 'mobile' });
    const page = await context.newPage();
    await page.goto(`${sys.baseUrl}/follow-up/${c.trackingCode}#token=${c.token}`);
    await page.getByText('Tôi muốn rút phản ánh này').waitFor();
    expect(page.url()).toBe(`${sys.baseUrl}/tra-cuu/${c.trackingCode}`);
    const cookies = await context.cookies();
    const owner = cookies.find((x) => x.name === 'hl_owner');
    expect(owner).toMatchObject({ path: `/tra-cuu/${c.trackingCode}`, httpOnly: true });
    await context.close();
  }, 60_000);

  it('with JavaScript, the error summary takes the focus', async () => {
    const context = await newContext(browser, { viewport: 'mobile' });
    const page = await context.newPage();
    await page.goto(`${sys.baseUrl}/gui-phan-anh`);
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.getByRole('heading', { name: 'Vui lòng kiểm tra lại' }).waitFor();
    await expect
      .poll(() => page.evaluate('document.activeElement.hasAttribute("data-error-summary")'))
      .toBe(true);
    await context.close();
  }, 60_000);

  it('screenshots of every page, mobile and desktop', async () => {
    const resolved = await caseAt(sys, officials, 'resolved', {
      consentToPublish: true,
      published: true,
    });
    await caseAt(sys, officials, 'resolved', {
      consentToPublish: true,
      published: true,
      text: 'Đường liên thôn xuống cấp, nhiều ổ gà sâu gây nguy hiểm cho học sinh đi học.',
    });
    const waiting = await caseAt(sys, officials, 'awaiting_citizen');
    const pages: Array<[string, string, string?]> = [
      ['home', '/'],
      ['submit', '/gui-phan-anh'],
      ['lookup', '/tra-cuu'],
      ['tracking', `/tra-cuu/${resolved.trackingCode}`, resolved.token],
      ['tracking-question', `/tra-cuu/${waiting.trackingCode}`, waiting.token],
      ['published', '/cong-khai'],
      ['directory', '/duong-day-nong'],
      ['calendar', '/lich-lam-viec?thang=2027-02'],
      ['not-found', '/tra-cuu/ABCD-EFGH'],
      ['home-en', '/?lang=en'],
    ];
    for (const size of ['mobile', 'desktop'] as const) {
      const context = await newContext(browser, { viewport: size });
      const page = await context.newPage();
      for (const [name, path, token] of pages) {
        if (token) {
          await context.addCookies([
            { name: 'hl_owner', value: token, domain: '127.0.0.1', path, httpOnly: true },
          ]);
        }
        const res = await page.goto(`${sys.baseUrl}${path}`);
        expect(res!.status(), path).toBeLessThan(500);
        await screenshot(page, `portal-${name}-${size}`);
      }
      await context.close();
    }
  }, 120_000);
});

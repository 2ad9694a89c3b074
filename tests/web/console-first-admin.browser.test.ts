import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdministrator, totpCode } from '@hotline/core';
import { launchBrowser, newContext, screenshot, VIEWPORTS } from '../support/browser.js';
import { startSystem, type TestSystem } from '../support/system.js';

const NEW_PASSWORD = 'a-password-of-my-own-42';

describe('a new administrator enrols TOTP and changes the password in the console', () => {
  let sys: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'web-first-admin', withWorker: false });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  it.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])(
    'signs in with the temporary password, scans the QR or types the secret, lands in the console (%s)',
    async (viewport) => {
      const login = `quantri_${viewport}`;
      const { temporaryPassword } = await createAdministrator(
        { db: sys.database.db },
        { login, fullName: 'Lê Văn Quản Trị', email: `${login}@test.gov.vn` },
        { osUser: 'root' },
      );
      const context = await newContext(browser, { viewport });
      const page = await context.newPage();
      await page.goto(`${sys.baseUrl}/console/`);
      await page.getByLabel(/Thư điện tử/).fill(login);
      await page.getByLabel(/Mật khẩu/).fill(temporaryPassword);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();

      const qr = page.getByRole('img', { name: /Mã QR/ });
      await qr.waitFor();
      // The QR code is an image the console's CSP lets through, and it has drawn.
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
      const drawn = await page.evaluate<number>("document.querySelector('main img').naturalWidth");
      expect(drawn).toBeGreaterThan(0);
      const shown = (await page.getByTestId('totp-secret').textContent()) ?? '';
      expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
      await screenshot(page, `console-totp-enrolment-${viewport}`);

      await page.getByLabel(/Mã xác thực/).fill(totpCode(shown.replaceAll(' ', ''), new Date()));
      await page.getByRole('button', { name: /Xác nhận/ }).click();

      // The recovery codes, shown this once, before anything else.
      await page.getByRole('heading', { name: 'Mã khôi phục' }).waitFor();
      const codes = (await page.getByTestId('recovery-codes').locator('li').allTextContents()).map(
        (c) => c.trim(),
      );
      expect(codes).toHaveLength(10);
      for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
      await screenshot(page, `console-recovery-codes-${viewport}`);
      await page.getByRole('button', { name: /Tôi đã lưu các mã/ }).click();

      await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
      await screenshot(page, `console-password-change-${viewport}`);
      await page.getByLabel(/Mật khẩu hiện tại/).fill(temporaryPassword);
      await page.getByLabel(/^Mật khẩu mới/).fill(NEW_PASSWORD);
      await page.getByLabel(/^Nhập lại mật khẩu mới/).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();

      await page.getByTestId('signed-in-as').waitFor({ state: 'attached' });
      await screenshot(page, `console-first-admin-home-${viewport}`);
      await context.close();

      // Later, on another computer, with the phone lost: one recovery code instead.
      const other = await newContext(browser, { viewport });
      const again = await other.newPage();
      await again.goto(`${sys.baseUrl}/console/`);
      await again.getByLabel(/Thư điện tử/).fill(login);
      await again.getByLabel(/Mật khẩu/).fill(NEW_PASSWORD);
      await again.getByRole('button', { name: 'Đăng nhập' }).click();
      await again.getByRole('button', { name: /Dùng mã khôi phục/ }).click();
      await again.getByLabel(/Mã khôi phục/).fill(codes[3]!.toLowerCase());
      await again.getByRole('button', { name: 'Đăng nhập' }).click();
      await again.getByText(/Còn 9 mã khôi phục/).waitFor();
      await screenshot(again, `console-recovery-code-used-${viewport}`);
      await again.getByRole('button', { name: 'Tiếp tục' }).click();
      await again.getByTestId('signed-in-as').waitFor({ state: 'attached' });
      await other.close();
    },
    90_000,
  );
});
